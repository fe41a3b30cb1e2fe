package io.phasesweep.model;

import java.util.ArrayList;
import java.util.List;

/** Records everything in order, for tests: "name=value" for scalars, "name@t=value" for series. */
public final class CollectingRecorder implements Recorder {
    public final List<String> entries = new ArrayList<>();
    public final List<String> names = new ArrayList<>();

    @Override
    public void record(String observable, double value) {
        entries.add(observable + "=" + value);
        names.add(observable);
    }

    @Override
    public void series(String observable, double t, double value) {
        entries.add(observable + "@" + t + "=" + value);
        names.add(observable);
    }

    @Override
    public Recorder member(int k) {
        return this;
    }
}
