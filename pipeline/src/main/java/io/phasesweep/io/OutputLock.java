package io.phasesweep.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasesweep.config.ConfigError;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The exclusive right to write one output directory, held for a whole run: a file {@code _lock}
 * created atomically that names the holder's host, boot, process id and start time. On a local
 * disk it is written beside, then hard-linked into place, which fails if a lock exists, also on
 * NFS; on HDFS the name node creates it with {@code overwrite=false}, which fails if it exists.
 * An object store has no exclusive create: there the lock is checked, then written, and two runs
 * started at the same moment are not kept apart (see {@link Location#createExclusive}).
 *
 * <p>A lock whose holder is gone is stale and is broken with a message: a process of this host's
 * current boot that no longer runs (or whose id now belongs to a process started at another time),
 * or any process of this host before its last reboot. A lock held on another host cannot be
 * checked from here: it is reported with what to do (delete the file once that run is known to
 * have ended).
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = "_lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock, as its file says. */
    public record Holder(String host, String boot, long pid, String processStart, String acquired, String token) {
        static Holder of(JsonNode n) {
            return new Holder(n.path("host").asText(""), n.path("boot_id").asText(""), n.path("pid").asLong(-1),
                    n.path("process_start").asText(""), n.path("acquired").asText(""), n.path("token").asText(""));
        }

        /** Whether the holder is known to be gone: only decidable on the holder's own host. */
        public boolean isStale() {
            Holder self = self("");
            if (!host.equals(self.host)) {
                return false;
            }
            if (!boot.isEmpty() && !self.boot.isEmpty() && !boot.equals(self.boot)) {
                return true;
            }
            return ProcessHandle.of(pid).map(p -> !processStart.equals(startOf(p))).orElse(true);
        }

        @Override
        public String toString() {
            return "process " + pid + " on " + host + " (since " + acquired + ")";
        }
    }

    private final Location file;
    private final Holder holder;

    private OutputLock(Location file, Holder holder) {
        this.file = file;
        this.holder = holder;
    }

    /**
     * Takes the lock of {@code dir}, creating the directory if needed; breaks a stale lock with a
     * message on {@code err}.
     *
     * @throws ConfigError naming the holder if another live run holds it, or if it cannot be written
     */
    public static OutputLock acquire(Path dir, PrintStream err) {
        return acquire(Location.local(dir), err);
    }

    /** As {@link #acquire(Path, PrintStream)}, on any file system. */
    public static OutputLock acquire(Location dir, PrintStream err) {
        try {
            dir.mkdirs();
        } catch (IOException e) {
            throw new ConfigError(dir + ": cannot create the output directory: " + reason(e));
        }
        Location file = dir.resolve(FILE);
        Holder self = self(UUID.randomUUID().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (tryCreate(file, self)) {
                return new OutputLock(file, self);
            }
            Optional<Holder> other = holder(dir);
            if (other.isEmpty()) {
                continue; // released meanwhile
            }
            if (!other.get().isStale()) {
                throw new ConfigError(dir + ": another phasesweep run is writing this output: " + other.get()
                        + "; wait for it to end" + (other.get().host.equals(self.host) ? ""
                        : ", or, if it is known to have ended, delete " + file + " and retry"));
            }
            if (breakStale(file, other.get())) {
                err.println("phasesweep: " + dir + ": broke the stale lock of " + other.get() + ", which no longer runs");
            }
        }
        throw new ConfigError(dir + ": could not take the lock " + file + " (it changed hands repeatedly)");
    }

    /** The lock's holder, if the directory is locked. */
    public static Optional<Holder> holder(Path dir) {
        return holder(Location.local(dir));
    }

    /** As {@link #holder(Path)}, on any file system. */
    public static Optional<Holder> holder(Location dir) {
        Location file = dir.resolve(FILE);
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                JsonNode n = JSON.readTree(file.read());
                if (!n.isMissingNode()) {
                    return Optional.of(Holder.of(n));
                }
                // Empty: created, not written yet.
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                // Created whole by a link, a lock file is unreadable only while the copy fallback (or
                // HDFS, which creates the file first and writes it after) writes it.
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConfigError(file + ": unreadable lock file; if no phasesweep run uses this output, delete it");
    }

    /** Releases the lock, if it is still ours. */
    @Override
    public void close() {
        if (holder(file.parent()).map(h -> h.token.equals(holder.token)).orElse(false)) {
            try {
                file.deleteTree();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock " + file, e);
            }
        }
    }

    public Location directory() {
        return file.parent();
    }

    private static boolean tryCreate(Location file, Holder self) {
        try {
            return file.createExclusive(JSON.writeValueAsBytes(toJson(self)));
        } catch (IOException e) {
            throw new ConfigError(file.parent() + ": output directory is not writable: " + reason(e));
        }
    }

    /**
     * Moves a stale lock aside, then checks that what was moved is the lock judged stale, not a
     * fresh one another process took meanwhile (which is put back).
     */
    private static boolean breakStale(Location file, Holder stale) {
        Location aside = file.parent().resolve(FILE + ".stale-" + UUID.randomUUID());
        try {
            file.moveTo(aside);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot remove a stale lock: " + reason(e));
        }
        try {
            byte[] moved = aside.read();
            if (!Holder.of(JSON.readTree(moved)).token.equals(stale.token)) {
                // Fails if a third process holds it now; the fresh one we moved is lost to it either way.
                file.createExclusive(moved);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                aside.deleteTree();
            } catch (IOException ignored) {
                // Best effort: a leftover file named _lock.stale-* locks nothing.
            }
        }
    }

    private static Holder self(String token) {
        ProcessHandle me = ProcessHandle.current();
        return new Holder(hostName(), bootId(), me.pid(), startOf(me), Instant.now().toString(), token);
    }

    private static ObjectNode toJson(Holder h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("host", h.host);
        n.put("boot_id", h.boot);
        n.put("pid", h.pid);
        n.put("process_start", h.processStart);
        n.put("acquired", h.acquired);
        n.put("token", h.token);
        return n;
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("");
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException ex) {
                return "localhost";
            }
        }
    }

    /** Changes at every reboot (Linux); empty elsewhere, where only the process table decides. */
    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String reason(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? what : what + " " + e.getMessage();
    }
}
