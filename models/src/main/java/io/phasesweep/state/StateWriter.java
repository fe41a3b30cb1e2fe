package io.phasesweep.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a model checkpoint goes: primitives and primitive arrays, big-endian,
 * into memory. Arrays carry their length, so a {@link StateReader} can check that it restores
 * into arrays of the same shape. Models never see files: the caller decides where the bytes go.
 */
public final class StateWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    public StateWriter writeLong(long v) {
        return write(() -> out.writeLong(v));
    }

    public StateWriter writeInt(int v) {
        return write(() -> out.writeInt(v));
    }

    public StateWriter writeDouble(double v) {
        // Raw bits: NaN payloads and -0.0 survive, so a restored run has the same bits.
        return write(() -> out.writeLong(Double.doubleToRawLongBits(v)));
    }

    public StateWriter writeBoolean(boolean v) {
        return write(() -> out.writeBoolean(v));
    }

    public StateWriter writeUtf(String v) {
        return write(() -> out.writeUTF(v));
    }

    public StateWriter longs(long[] a) {
        writeInt(a.length);
        for (long v : a) {
            writeLong(v);
        }
        return this;
    }

    public StateWriter ints(int[] a) {
        writeInt(a.length);
        for (int v : a) {
            writeInt(v);
        }
        return this;
    }

    public StateWriter doubles(double[] a) {
        writeInt(a.length);
        for (double v : a) {
            writeDouble(v);
        }
        return this;
    }

    public StateWriter bytes(byte[] a) {
        writeInt(a.length);
        return write(() -> out.write(a));
    }

    public StateWriter booleans(boolean[] a) {
        writeInt(a.length);
        for (boolean v : a) {
            writeBoolean(v);
        }
        return this;
    }

    /** Everything written so far. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private StateWriter write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return this;
    }
}
