package io.phasesweep.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = "placeholder")
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.OK;
    }
}
