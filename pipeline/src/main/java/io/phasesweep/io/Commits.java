package io.phasesweep.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a directory written out of sight (a chunk's attempt, a store segment) becomes visible at its
 * place, whole or not at all. Its writer finishes it with a {@code _SUCCESS} file first (Spark does
 * at job commit); then:
 * <ul>
 *   <li>where renames are atomic (local disks, HDFS), the directory is renamed to its place, and
 *       the place holding a {@code _SUCCESS} is the proof of the commit;</li>
 *   <li>elsewhere (object stores, whose "rename" copies object by object and can stop half way)
 *       nothing is moved: a record {@code PLACE.committed}, written in one put, names the written
 *       directory (relative to the place's parent, under which it must lie). A directory no record
 *       names is not committed, whatever it holds.</li>
 * </ul>
 */
public final class Commits {
    /** The suffix of a commit record. */
    public static final String RECORD = ".committed";
    private static final String SUCCESS = "_SUCCESS";

    private Commits() {
    }

    /** Commits the finished directory {@code written} as {@code place}. */
    public static void commit(Location written, Location place) throws IOException {
        if (place.atomicRename()) {
            written.moveTo(place);
            return;
        }
        String parent = place.parent().uri();
        String from = written.uri();
        if (!from.startsWith(parent + "/")) {
            throw new IllegalArgumentException(written + " does not lie under " + place.parent());
        }
        record(place).writeAtomically(from.substring(parent.length() + 1).getBytes(StandardCharsets.UTF_8),
                place.name() + RECORD + ".tmp");
    }

    /** Where the committed content of {@code place} is, if it has been committed. */
    public static Optional<Location> committed(Location place) {
        if (place.resolve(SUCCESS).exists()) {
            return Optional.of(place);
        }
        if (place.atomicRename()) {
            return Optional.empty();
        }
        Location record = record(place);
        try {
            String relative = new String(record.read(), StandardCharsets.UTF_8);
            Location data = place.parent();
            for (String name : relative.split("/")) {
                data = data.resolve(name);
            }
            return data.resolve(SUCCESS).exists() ? Optional.of(data) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the commit record " + record, e);
        }
    }

    /** The places committed in {@code dir} whose names start with {@code prefix}, by name. */
    public static List<Location> committedIn(Location dir, String prefix) throws IOException {
        List<Location> places = new ArrayList<>();
        if (!dir.isDirectory()) {
            return places;
        }
        for (Location entry : dir.list()) {
            String name = entry.name();
            if (!name.startsWith(prefix)) {
                continue;
            }
            Location place = name.endsWith(RECORD) ? dir.resolve(name.substring(0, name.length() - RECORD.length())) : entry;
            if (!places.contains(place) && committed(place).isPresent()) {
                places.add(place);
            }
        }
        places.sort(java.util.Comparator.comparing(Location::name));
        return places;
    }

    /** Undoes a commit and deletes what it committed: the record first, so nothing reads a half-deleted directory. */
    public static void delete(Location place) throws IOException {
        Optional<Location> data = place.atomicRename() ? Optional.empty() : committed(place);
        record(place).deleteTree();
        if (data.isPresent()) {
            data.get().deleteTree();
        }
        place.deleteTree();
    }

    private static Location record(Location place) {
        return place.parent().resolve(place.name() + RECORD);
    }
}
