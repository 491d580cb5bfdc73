package org.pssr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pssr.czi.CziFile;
import org.pssr.czi.CziScene;

/**
 * MB/s of decoded pixels when reading every plane of a CZI file with our reader, against MB/s of
 * reading the same file's bytes (the file is in the page cache after warm-up, so both are CPU-bound:
 * the ratio is the cost of parsing and decoding on top of copying bytes).
 */
final class CziWorkload implements Workload {

	private static final String[] FILES = { "CellDivision_T3_Z5_CH2_X240_Y170.czi",
		"CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi" };
	private static final String[] CODECS = { "uncompressed", "zstd1" };
	/** The largest real sample: opening reads its XML, sub-block directory and attachments. */
	private static final String LARGEST = "S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi";

	@Override
	public String name() {
		return "czi";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final List<Measurement> rows = new ArrayList<>();
		final int reps = context.quick() ? 3 : 15;
		for (int i = 0; i < FILES.length; i++) {
			final Path file = context.shared().resolve("data").resolve("czi").resolve(FILES[i]);
			if (!Files.isRegularFile(file)) throw new IllegalStateException(file +
				" not found (set -Dpssr.shared to the folder holding data/czi)");
			final long[] bytes = { 0 };
			final double decode = Stopwatch.medianSeconds(2, reps, () -> bytes[0] = readAllPlanes(file));
			final double raw = Stopwatch.medianSeconds(2, reps, () -> Files.readAllBytes(file));
			final double mb = bytes[0] / 1e6;
			rows.add(new Measurement("data: CZI decode " + CODECS[i] + " (" + FILES[i] + ")", "MB/s", mb /
				decode, Files.size(file) / 1e6 / raw, true, String.format(Locale.ROOT,
					"reference = Files.readAllBytes of the same file; %.1f MB of pixels, median of %d", mb,
					reps)));
		}
		final Path largest = context.shared().resolve("data").resolve("czi").resolve(LARGEST);
		final double open = Stopwatch.medianSeconds(5, reps * 4, () -> CziFile.open(largest).close());
		final double raw = Stopwatch.medianSeconds(5, reps * 4, () -> Files.readAllBytes(largest));
		rows.add(new Measurement("data: CZI open (" + LARGEST + ", the largest sample)", "opens/s", 1 /
			open, 1 / raw, true, String.format(Locale.ROOT, "reference = Files.readAllBytes of the whole " +
				"%.1f MB file; open = metadata XML, sub-block directory, attachments; median of %d", Files
					.size(largest) / 1e6, reps * 4)));
		return rows;
	}

	/** Opens the file and reads every plane of every scene; the pixel bytes read. */
	static long readAllPlanes(final Path file) throws Exception {
		try (CziFile czi = CziFile.open(file)) {
			return readAllPlanes(czi);
		}
	}

	/** Reads every plane of every scene of an open file, T slowest; the pixel bytes read. */
	static long readAllPlanes(final CziFile czi) throws Exception {
		long bytes = 0;
		for (final CziScene s : czi.scenes()) {
			for (int t = 0; t < s.size('T'); t++) {
				for (int z = 0; z < s.size('Z'); z++) {
					for (int c = 0; c < s.size('C'); c++) {
						czi.readPlane(s.index(), c, z, t);
						bytes += s.width() * s.height() * s.pixelType().bytesPerPixel();
					}
				}
			}
		}
		return bytes;
	}
}
