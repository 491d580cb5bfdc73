package org.pssr.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pssr.cli.Catalogue.Case;

/**
 * The hostile catalogue of the newer features (slurm scripts, calibrate, evaluate's figure and plot,
 * info, study, bioimage.io packages, the output rule), kept as data like a fuzz corpus:
 * {@code hostile-catalogue.tsv}, one case a line. Each case is checked as
 * {@link BadInputCatalogueTest}'s are ({@link Catalogue#check}).
 */
class HostileCatalogueTest extends CatalogueTest {

	private static final String FILE = "hostile-catalogue.tsv";

	@TestFactory
	Stream<DynamicTest> everyHostileInputIsRefusedInOneLineAndLeavesEverythingAsItWas()
		throws IOException
	{
		return checked(read(), 200);
	}

	/** The cases of {@link #FILE}: name, expected words, set-up, arguments; tab-separated, escaped. */
	static List<Case> read() throws IOException {
		final List<Case> cases = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(HostileCatalogueTest.class
			.getResourceAsStream(FILE), StandardCharsets.UTF_8)))
		{
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.isEmpty() || line.startsWith("#")) continue;
				final String[] f = line.split("\t", -1);
				if (f.length < 3) throw new IOException(FILE + ": not a case: " + line);
				final String[] args = Arrays.stream(f, 3, f.length).map(HostileCatalogueTest::unescape)
					.toArray(String[]::new);
				cases.add(new Case(unescape(f[0]), unescape(f[1]), setup(f[2]), args));
			}
		}
		return cases;
	}

	/**
	 * A set-up: {@code -}, or operations joined by {@code  && }, each {@code copy SRC DST} (a file
	 * or a folder),
	 * {@code mkdir DIR} or {@code link TARGET LINK} with paths in the workspace.
	 */
	private static Catalogue.Setup setup(final String text) {
		if (text.equals("-")) return Catalogue.NONE;
		final List<String[]> operations = new ArrayList<>();
		for (final String op : text.split(" && "))
			operations.add(Arrays.stream(op.split(" ")).map(HostileCatalogueTest::unescape).toArray(
				String[]::new));
		return ws -> {
			for (final String[] op : operations) {
				switch (op[0]) {
					case "copy":
						Catalogue.copy(ws.resolve(op[1]), ws.resolve(op[2]));
						break;
					case "mkdir":
						Files.createDirectories(ws.resolve(op[1]));
						break;
					case "link":
						Files.createSymbolicLink(ws.resolve(op[2]), Path.of(op[1].replace("{ws}", ws
							.toString())));
						break;
					default:
						throw new IOException(FILE + ": no set-up operation " + op[0]);
				}
			}
		};
	}

	/** Undoes the file's escapes: \n \r \t \s (a blank) \\ and \\uXXXX. */
	static String unescape(final String text) {
		final StringBuilder s = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				s.append(c);
				continue;
			}
			final char e = text.charAt(++i);
			switch (e) {
				case 'n':
					s.append('\n');
					break;
				case 'r':
					s.append('\r');
					break;
				case 't':
					s.append('\t');
					break;
				case 's':
					s.append(' ');
					break;
				case 'u':
					s.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					i += 4;
					break;
				default:
					s.append(e);
			}
		}
		return s.toString();
	}
}
