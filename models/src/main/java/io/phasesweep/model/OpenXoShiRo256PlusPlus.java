package io.phasesweep.model;

import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Commons RNG's {@link XoShiRo256PlusPlus} (the same stream, state and saved state) whose four state
 * words a kernel may read and write back: a hot loop then keeps the generator in local variables
 * (registers) for a run of draws instead of loading and storing the provider's fields on each, and
 * makes exactly the draws {@link #nextLong()} would, in the same order. The provider's cached half
 * draw for {@link #nextInt()} is not touched, as {@link #nextLong()} does not touch it either.
 */
public final class OpenXoShiRo256PlusPlus extends XoShiRo256PlusPlus {

    public OpenXoShiRo256PlusPlus(long[] seed) {
        super(seed);
    }

    public long state0() {
        return state0;
    }

    public long state1() {
        return state1;
    }

    public long state2() {
        return state2;
    }

    public long state3() {
        return state3;
    }

    /** Sets the state words, as a kernel's local copy stands after its draws. */
    public void setState(long s0, long s1, long s2, long s3) {
        state0 = s0;
        state1 = s1;
        state2 = s2;
        state3 = s3;
    }
}
