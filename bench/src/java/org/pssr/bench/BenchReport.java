package org.pssr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** {@code results.md} (a table) and {@code results.json} (the same figures, machine-readable). */
public final class BenchReport {

	private final String machine;
	private final String ourEngine;
	private final String referenceEngine;
	private final String date;

	/**
	 * @param ourEngine e.g. "DJL 0.28.0, PyTorch 2.3.0, 2 intra-op / 2 inter-op threads"
	 * @param referenceEngine e.g. "Python PyTorch 1.13.0, 2 threads", or why it did not run
	 */
	public BenchReport(final String machine, final String ourEngine, final String referenceEngine) {
		this.machine = machine;
		this.ourEngine = ourEngine;
		this.referenceEngine = referenceEngine;
		this.date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	public void write(final Path dir, final List<Measurement> rows, final String command)
		throws IOException
	{
		Files.createDirectories(dir);
		Files.write(dir.resolve("results.md"), markdown(rows, command).getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("results.json"), json(rows, command).getBytes(StandardCharsets.UTF_8));
	}

	/** Figure, reference and ratio of one line, as the table shows them. */
	static String row(final Measurement m) {
		return figure(m.ours(), m.oursSpread()) + " | " + figure(m.reference(), m.referenceSpread()) +
			" | " + m.unit() + " | " + ratio(m);
	}

	/** A figure, and the range of its rounds when it has them: {@code 12.3 (11.9-13.0)}. */
	static String figure(final double value, final Spread spread) {
		return spread == null ? number(value) : number(value) + " (" + number(spread.min()) + "-" +
			number(spread.max()) + ")";
	}

	static String ratio(final Measurement m) {
		return m.undecided() ? "undecided" : number(m.ratio());
	}

	String markdown(final List<Measurement> rows, final String command) {
		final StringBuilder s = new StringBuilder();
		s.append("# pssr-fiji benchmark results\n\n");
		s.append("- command: `").append(command).append("`\n");
		s.append("- date: ").append(date).append('\n');
		s.append("- machine: ").append(machine).append('\n');
		s.append("- ours: ").append(ourEngine).append('\n');
		s.append("- reference: ").append(referenceEngine).append('\n');
		s.append("- ratio: above 1 means we are better (faster, or less memory), whichever way the unit points; ")
			.append("figures with a range are the median (min-max) of rounds run in alternation with the ")
			.append("reference, and a ratio is \"undecided\" where the ranges cannot tell the sides apart\n\n");
		s.append("| workload | ours | reference | unit | ratio | note |\n|---|---:|---:|---|---:|---|\n");
		for (final Measurement m : rows) {
			s.append("| ").append(m.workload()).append(" | ").append(row(m)).append(" | ").append(cell(m
				.note())).append(" |\n");
		}
		return s.toString();
	}

	String json(final List<Measurement> rows, final String command) {
		final JsonObject o = new JsonObject();
		o.addProperty("command", command);
		o.addProperty("date", date);
		o.addProperty("machine", machine);
		o.addProperty("ours", ourEngine);
		o.addProperty("reference", referenceEngine);
		final JsonArray a = new JsonArray();
		for (final Measurement m : rows) {
			final JsonObject r = new JsonObject();
			r.addProperty("workload", m.workload());
			r.addProperty("unit", m.unit());
			addNumber(r, "ours", m.ours());
			addNumber(r, "reference", m.reference());
			addNumber(r, "ratio", m.ratio());
			r.addProperty("undecided", m.undecided());
			addSpread(r, "ours", m.oursSpread());
			addSpread(r, "reference", m.referenceSpread());
			r.addProperty("note", m.note());
			a.add(r);
		}
		o.add("results", a);
		return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o) + "\n";
	}

	/** One table cell: no line breaks or bars, and a failure's stack trace cut short. */
	static String cell(final String note) {
		final String flat = note.replaceAll("\\s+", " ").replace("|", "/");
		return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
	}

	private static void addSpread(final JsonObject o, final String side, final Spread spread) {
		if (spread == null) return;
		addNumber(o, side + "Min", spread.min());
		addNumber(o, side + "Max", spread.max());
	}

	/** JSON has no NaN: a missing figure is null. */
	private static void addNumber(final JsonObject o, final String key, final double v) {
		if (Double.isFinite(v)) o.addProperty(key, v);
		else o.add(key, JsonNull.INSTANCE);
	}

	static String number(final double v) {
		if (!Double.isFinite(v)) return "n/a";
		final double a = Math.abs(v);
		if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
		if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
		if (a >= 0.1) return String.format(Locale.ROOT, "%.2f", v);
		return String.format(Locale.ROOT, "%.3g", v);
	}
}
