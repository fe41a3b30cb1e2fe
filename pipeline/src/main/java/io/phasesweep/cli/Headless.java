package io.phasesweep.cli;

/** Charts are drawn off screen: without this, AWT on a machine with no display may look for one. */
final class Headless {
    private Headless() {
    }

    static void set() {
        System.setProperty("java.awt.headless", "true");
    }
}
