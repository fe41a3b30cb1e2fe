package io.phasesweep.cli;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "models", description = "List the models with their parameters and observables.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelType m : ModelRegistry.all()) {
            out.printf("%s — %s%n  parameters:%n", m.name(), m.description());
            out.printf("    %-16s %-8s %-12s %-22s %s%n", "name", "type", "default", "admits", "meaning");
            for (ParamSpec p : m.parameters()) {
                out.printf("    %-16s %-8s %-12s %-22s %s%n", p.name(), p.type().label(),
                        p.required() ? "(required)" : String.valueOf(p.defaultValue()), p.admits(), p.meaning());
            }
            out.printf("  observables (points and replicas tables):%n");
            for (ObservableSpec o : m.observables()) {
                out.printf("    %-18s %s%n", o.name(), o.meaning());
            }
            if (!m.derived().isEmpty()) {
                out.printf("  derived (points table, jackknife over replicas):%n");
                for (DerivedQuantity d : m.derived()) {
                    out.printf("    %-18s %s%n", d.name(), d.meaning());
                }
            }
            if (!m.sizeExponents().isEmpty()) {
                out.printf("  size exponents (exponents table, when the size parameter is an axis):%n");
                for (io.phasesweep.model.SizeExponent e : m.sizeExponents()) {
                    out.printf("    %-18s %s from %s across %s%n", e.name(), e.description(), e.quantity(), e.sizeParameter());
                }
            }
            out.printf("  example: %s%n%n", new java.util.TreeMap<>(m.example()));
        }
        return Main.OK;
    }
}
