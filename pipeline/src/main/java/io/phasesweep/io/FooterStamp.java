package io.phasesweep.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds key-value entries to the footer of Parquet files Spark has written. Spark's writer takes
 * no user metadata, so each file is copied once through Parquet's own {@link ParquetFileWriter#appendFile}
 * (row groups byte for byte, only the footer is new) and put in the original's place; Spark's
 * footer entries (its version and schema) are kept.
 */
public final class FooterStamp {
    private static final String STAMPING = ".stamping";

    private FooterStamp() {
    }

    /** Stamps every {@code .parquet} file directly in {@code dir} with {@code entries}. */
    public static void stampAll(Location dir, Map<String, String> entries, Configuration conf) throws IOException {
        Path hdir = new Path(dir.uri());
        FileSystem fs = hdir.getFileSystem(conf);
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(hdir, p -> p.getName().endsWith(".parquet"))) {
            stamp(fs, f.getPath(), entries, conf);
        }
    }

    private static void stamp(FileSystem fs, Path file, Map<String, String> entries, Configuration conf) throws IOException {
        Path copy = file.suffix(STAMPING);
        HadoopInputFile in = HadoopInputFile.fromPath(file, conf);
        FileMetaData meta;
        try (ParquetFileReader reader = ParquetFileReader.open(in)) {
            meta = reader.getFooter().getFileMetaData();
        }
        Map<String, String> kv = new LinkedHashMap<>(meta.getKeyValueMetaData());
        kv.putAll(entries);
        ParquetFileWriter writer = new ParquetFileWriter(HadoopOutputFile.fromPath(copy, conf), meta.getSchema(),
                ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
        writer.start();
        writer.appendFile(in);
        writer.end(kv);
        // Through the FileSystem, so that a checksummed local file system moves the .crc along.
        if (!fs.delete(file, false) || !fs.rename(copy, file)) {
            throw new IOException("cannot replace " + file + " by its stamped copy " + copy);
        }
    }
}
