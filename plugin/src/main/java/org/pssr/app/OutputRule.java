package org.pssr.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pssr.crappify.Provenance;
import org.pssr.crappify.TwinDataset;
import org.pssr.crappify.io.PngText;
import org.pssr.train.ModelBundle;
import org.pssr.train.tensorflow.SavedModels;

/**
 * The one rule for every output of every command: a file or folder pssr did not make is never
 * replaced, and one it made (an output of the same kind, recognised by what pssr records in it)
 * only when the user asked for it ({@code --overwrite}; Fiji: a confirmation, or {@code overwrite}
 * in a macro). An output that does not exist, or an empty folder, is simply written. Checked before
 * any work, so that a refusal leaves everything as it was; the writes themselves stay atomic
 * ({@link org.pssr.crappify.io.StagedOutput}).
 */
public final class OutputRule {

	/** What pssr writes, and how each kind is recognised as pssr's. */
	public enum Kind {
		/** An ImageJ TIFF whose Info holds a provenance record. */
		MOVIE("a TIFF pssr wrote"),
		/** A {@code .pssr.zip} whose model.json is a pssr model's. */
		MODEL("a model bundle pssr wrote"),
		/** A bioimage.io package with pssr's {@code config.pssr}. */
		PACKAGE("a bioimage.io package pssr exported"),
		/** A SavedModel folder with pssr's {@code assets.extra/pssr-model.json}. */
		SAVED_MODEL("a SavedModel pssr exported"),
		/** A folder with pssr's dataset manifest. */
		DATASET("a twin dataset pssr wrote"),
		/** A recipe file with the provenance of {@code pssr calibrate}. */
		RECIPE("a recipe file pssr calibrated"),
		/** A PNG with pssr's {@code Software} text chunk. */
		FIGURE("a PNG pssr drew"),
		/** A CSV with the header of pssr's score tables. */
		TABLE("a CSV table pssr wrote"),
		/** A Markdown page of {@code pssr study}. */
		PAGE("a study page pssr wrote"),
		/** A batch script of {@code pssr slurm}. */
		SCRIPT("a batch script pssr wrote");

		private final String what;

		Kind(final String what) {
			this.what = what;
		}

		boolean folder() {
			return this == DATASET || this == SAVED_MODEL;
		}

		@Override
		public String toString() {
			return what;
		}
	}

	/** The keyword of the PNG text chunk that marks pssr's figures and plots. */
	public static final String PNG_KEYWORD = "Software";
	/** The value of that chunk: pssr and its version. */
	public static final String PNG_SOFTWARE = "pssr-fiji " + Provenance.version();

	private static final Pattern CSV_HEADER = Pattern.compile("(frame|scale),psnr_[a-z0-9_+]+(,[a-z0-9_+]+)*");
	private static final String PAGE_START = "# Image quality study";

	/** A refusal to replace an existing output; {@link #replaceable()} when it is pssr's own. */
	public static final class Refusal extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final Path target;
		private final boolean replaceable;

		Refusal(final String message, final Path target, final boolean replaceable) {
			super(message);
			this.target = target;
			this.replaceable = replaceable;
		}

		public Path target() {
			return target;
		}

		/** Whether the output is an earlier one of pssr's, which the user may choose to replace. */
		public boolean replaceable() {
			return replaceable;
		}
	}

	/** Refuses every output that exists: for callers that never replace. */
	public static final OutputRule NEVER = new OutputRule(false, "choose another output",
		file -> Optional.empty());

	private final boolean overwrite;
	private final String howToOverwrite;
	private final Function<Path, Optional<String>> tiffInfo;

	/**
	 * @param overwrite whether the user asked to replace earlier outputs of pssr's
	 * @param howToOverwrite what the user does to ask for it, in the refusal ("add --overwrite")
	 * @param tiffInfo reads the Info property of a TIFF (ImageJ's), empty when it has none
	 */
	public OutputRule(final boolean overwrite, final String howToOverwrite,
		final Function<Path, Optional<String>> tiffInfo)
	{
		this.overwrite = overwrite;
		this.howToOverwrite = howToOverwrite;
		this.tiffInfo = tiffInfo;
	}

	public boolean overwrite() {
		return overwrite;
	}

	/**
	 * Refuses {@code target} as the output {@code what} (an option, or a description) when it
	 * exists and may not be replaced.
	 *
	 * @return whether it exists (and may be replaced)
	 * @throws Refusal naming {@code what}, the file and the reason
	 */
	public boolean check(final String what, final Path target, final Kind kind) {
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return false;
		if (Files.isSymbolicLink(target)) throw new Refusal(what + ": " + target + " is a symbolic " +
			"link, which pssr does not replace; choose another name or remove the link", target, false);
		if (kind.folder() && isEmptyFolder(target)) return true;
		if (!kind.folder() && Files.isDirectory(target)) throw new Refusal(what + ": " + target +
			" is a folder; give the name of a file", target, false);
		if (kind.folder() && !Files.isDirectory(target)) throw new Refusal(what + ": " + target +
			" is a file; give the name of a folder (pssr never replaces a file it did not make)", target,
			false);
		if (!made(target, kind)) throw new Refusal(what + ": " + target + " exists and is not " +
			kind + "; pssr never replaces a file it did not make: choose another name or move it away",
			target, false);
		if (!overwrite) throw new Refusal(what + ": " + target + " is " + kind + " before; " +
			howToOverwrite + " to replace it", target, true);
		return true;
	}

	/** Whether {@code file} is an output of {@code kind} that pssr made. */
	static boolean recognises(final Kind kind, final Path file) {
		try {
			switch (kind) {
				case DATASET:
					return Files.isDirectory(file) && TwinDataset.isDataset(file);
				case SAVED_MODEL:
					return Files.isRegularFile(file.resolve(SavedModels.METADATA));
				default:
					return Files.isRegularFile(file) && recognisesFile(kind, file);
			}
		}
		catch (final IOException | RuntimeException unreadable) {
			return false;
		}
	}

	private static boolean recognisesFile(final Kind kind, final Path file) throws IOException {
		switch (kind) {
			case MODEL:
				ModelBundle.record(file);
				return true;
			case PACKAGE:
				return Describe.pssrConfig(file).isPresent();
			case RECIPE:
				return Describe.recipeProvenance(file).isPresent();
			case FIGURE:
				return PngText.read(file, PNG_KEYWORD).filter(s -> s.startsWith("pssr-fiji")).isPresent();
			case TABLE:
				return CSV_HEADER.matcher(firstLine(file)).matches();
			case PAGE:
				return firstLine(file).equals(PAGE_START);
			case SCRIPT:
				return secondLine(file).startsWith("# pssr");
			default:
				throw new IllegalStateException("a TIFF is recognised by its Info");
		}
	}

	/** {@link #recognises} for movies, whose Info only ImageJ reads. */
	private boolean recognisesMovie(final Path file) {
		try {
			return Files.isRegularFile(file) && tiffInfo.apply(file).flatMap(Provenance::parse)
				.isPresent();
		}
		catch (final RuntimeException unreadable) {
			return false;
		}
	}

	/** Whether {@code target} is an output of {@code kind} that pssr made (not a link to one). */
	public boolean made(final Path target, final Kind kind) {
		return !Files.isSymbolicLink(target) && (kind == Kind.MOVIE ? recognisesMovie(target)
			: recognises(kind, target));
	}

	private static String firstLine(final Path file) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			final String line = in.readLine();
			return line == null ? "" : line;
		}
	}

	private static String secondLine(final Path file) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			in.readLine();
			final String line = in.readLine();
			return line == null ? "" : line;
		}
	}

	private static boolean isEmptyFolder(final Path folder) {
		if (!Files.isDirectory(folder)) return false;
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
		catch (final IOException e) {
			return false;
		}
	}
}
