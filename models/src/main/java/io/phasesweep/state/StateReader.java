package io.phasesweep.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads back what a {@link StateWriter} wrote, in the same order. Arrays are read into the arrays
 * a freshly built model already holds: a length that differs (a checkpoint of another lattice
 * size) or a truncated blob is an {@link IllegalStateException}, never a silently different state.
 */
public final class StateReader {
    private final DataInputStream in;

    public StateReader(byte[] state) {
        this.in = new DataInputStream(new ByteArrayInputStream(state));
    }

    public long readLong() {
        return read(in::readLong);
    }

    public int readInt() {
        return read(in::readInt);
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public boolean readBoolean() {
        return read(in::readBoolean);
    }

    public String readUtf() {
        return read(in::readUTF);
    }

    public void longs(long[] into) {
        length(into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = readLong();
        }
    }

    public void ints(int[] into) {
        length(into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = readInt();
        }
    }

    public void doubles(double[] into) {
        length(into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = readDouble();
        }
    }

    public void bytes(byte[] into) {
        length(into.length);
        read(() -> {
            in.readFully(into);
            return null;
        });
    }

    public void booleans(boolean[] into) {
        length(into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = readBoolean();
        }
    }

    /** Whether everything has been read: a restore that leaves bytes over read the wrong layout. */
    public boolean atEnd() {
        return read(() -> in.available() == 0);
    }

    private void length(int expected) {
        int n = readInt();
        if (n != expected) {
            throw new IllegalStateException("checkpoint holds an array of " + n + " values where " + expected
                    + " are expected");
        }
    }

    private interface Read<T> {
        T run() throws IOException;
    }

    private static <T> T read(Read<T> r) {
        try {
            return r.run();
        } catch (EOFException e) {
            throw new IllegalStateException("checkpoint ends early", e);
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint unreadable", e);
        }
    }
}
