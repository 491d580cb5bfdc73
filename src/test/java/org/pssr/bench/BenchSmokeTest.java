package org.pssr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.cli.Main;

/** The harness end to end on the smallest workload, without the reference; no timing asserted. */
class BenchSmokeTest {

	@Test
	void quickPeakWorkloadWritesBothResultFiles(@TempDir final Path dir) throws Exception {
		assertEquals(0, Main.run("bench", "--quick", "--only", "peak", "--no-reference", "--output", dir
			.toString()));
		final String md = new String(Files.readAllBytes(dir.resolve("results.md")), StandardCharsets.UTF_8);
		assertTrue(md.contains("| hardware: dense matmul 256x256 (peak) |"), md);
		assertTrue(md.contains("reference not run (--no-reference)"), md);
		final JsonObject json = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve(
			"results.json")), StandardCharsets.UTF_8)).getAsJsonObject();
		final JsonObject row = json.getAsJsonArray("results").get(0).getAsJsonObject();
		assertTrue(row.get("ours").getAsDouble() > 0, "a measured GFLOP/s");
		assertTrue(row.get("reference").isJsonNull(), "no reference figure without the reference");
		assertTrue(row.get("ratio").isJsonNull());
	}

	@Test
	void quickChunkWorkloadRunsChunksAtOnceAndJoinsThem(@TempDir final Path dir) throws Exception {
		assertEquals(0, Main.run("bench", "--quick", "--only", "superres-chunks", "--no-reference",
			"--output", dir.toString()));
		final com.google.gson.JsonArray rows = JsonParser.parseString(new String(Files.readAllBytes(dir
			.resolve("results.json")), StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("results");
		assertEquals(6, rows.size(), rows.toString());
		for (final com.google.gson.JsonElement e : rows) {
			final JsonObject row = e.getAsJsonObject();
			assertTrue(row.get("workload").getAsString().startsWith("superres chunks: "), row.toString());
			assertTrue(row.get("ours").getAsDouble() > 0, row.toString());
		}
		assertTrue(rows.get(1).getAsJsonObject().get("workload").getAsString().contains(
			" processes at once (1 thread each) + join"), rows.toString());
	}

	@Test
	void aFailingWorkloadBecomesALineAndTheOthersStillRun() {
		final Workload broken = new Workload() {

			@Override
			public String name() {
				return "broken";
			}

			@Override
			public List<Measurement> run(final BenchContext context) {
				throw new IllegalStateException("no such device");
			}
		};
		final Workload fine = new Workload() {

			@Override
			public String name() {
				return "fine";
			}

			@Override
			public List<Measurement> run(final BenchContext context) {
				return Collections.singletonList(new Measurement("fine", "s", 2, 4, false, ""));
			}
		};
		final BenchContext context = new BenchContext(true, 1, Reference.disabled(), Path.of("."));
		final List<Measurement> rows = Bench.run(context, Arrays.asList(broken, fine), new PrintWriter(
			new StringWriter()));
		assertEquals(2, rows.size());
		assertTrue(rows.get(0).note().contains("no such device"));
		assertTrue(Double.isNaN(rows.get(0).ratio()));
		assertEquals(2.0, rows.get(1).ratio(), 1e-12, "lower is better: reference 4 s / ours 2 s");
	}

	@Test
	void aMultiLineNoteStaysInOneTableRow() {
		final BenchReport report = new BenchReport("machine", "ours", "reference");
		final String md = report.markdown(Collections.singletonList(new Measurement("w", "s", 1, 1,
			false, "failed: x\n\tat a.b(C.java:1)\n| more")), "pssr bench");
		final String row = md.substring(md.indexOf("| w |"));
		assertEquals(1, row.trim().split("\n").length, row);
		assertTrue(row.contains("failed: x at a.b(C.java:1) / more"), row);
	}

	@Test
	void onlySelectsByPrefixAndRejectsUnknownNames() {
		final List<Workload> all = Bench.workloads(false);
		assertFalse(Bench.select(all, List.of("train")).isEmpty());
		assertTrue(Bench.select(all, List.of("train")).stream().allMatch(w -> w.name().startsWith(
			"train")));
		assertThrows(IllegalArgumentException.class, () -> Bench.select(all, List.of("nope")));
	}
}
