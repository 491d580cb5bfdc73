package org.pssr.fiji.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.pssr.crappify.io.Folders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes the Fiji update-site tree of pssr-fiji (what {@code mvn -Pfiji package} runs): exactly
 * the jars a Fiji installation lacks, laid out as Fiji expects them, plus a zip of the tree to
 * unpack into {@code Fiji.app}.
 * <ul>
 * <li>{@code jars/}: the plugin jar and every runtime dependency that pom-scijava does not manage
 * (what pom-scijava manages, Fiji ships: no second copy, no version clash);</li>
 * <li>{@code jars/<platform>/}: PyTorch's natives of every platform Maven Central has;</li>
 * <li>{@code lib/pssr-tensorflow/}: the TensorFlow runtime, outside {@code jars/} because Fiji puts
 * everything there on the class path, where it would meet CSBDeep's TensorFlow 1.15;</li>
 * <li>{@code scripts/Plugins/PSSR/}: the macros, listed in the menu and runnable with
 * {@code --headless --run} or {@code -macro}.</li>
 * </ul>
 */
public final class UpdateSite {

	/** Fiji's folder for each PyTorch natives classifier. */
	static final Map<String, String> PLATFORMS = Map.of("linux-x86_64", "linux64", "win-x86_64",
		"win64", "osx-aarch64", "macos-arm64");

	/** A line of {@code mvn dependency:list -DoutputAbsoluteArtifactFilename=true}. */
	private static final Pattern DEPENDENCY = Pattern.compile(
		"\\s*([^:\\s]+):([^:]+):([^:]+):(?:([^:]+):)?([^:]+):(compile|runtime|provided|system|test):(.+?)" +
			"(?: -- module.*)?");

	private UpdateSite() {}

	/**
	 * Arguments: output folder, pom-scijava's pom, the runtime dependency list, the plugin jar, the
	 * natives folder (one jar per platform), the TensorFlow runtime folder, the macros folder.
	 */
	public static void main(final String... args) throws IOException {
		if (args.length != 7) throw new IllegalArgumentException("usage: UpdateSite OUT POM-SCIJAVA " +
			"DEPENDENCIES PLUGIN-JAR NATIVES TENSORFLOW MACROS");
		final Path out = Paths.get(args[0]);
		final List<Path> written = write(out, managed(Paths.get(args[1])), dependencies(Paths.get(
			args[2])), Paths.get(args[3]), Paths.get(args[4]), Paths.get(args[5]), Paths.get(args[6]));
		final Path zip = out.resolveSibling(out.getFileName() + ".zip");
		zip(out, zip);
		System.out.println("Fiji update site: " + written.size() + " files in " + out + " and " + zip);
	}

	/** {@code groupId:artifactId} of everything pom-scijava manages: what Fiji ships. */
	public static Set<String> managed(final Path pomScijava) throws IOException {
		try {
			final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			final Document pom = factory.newDocumentBuilder().parse(pomScijava.toFile());
			final Element management = (Element) pom.getDocumentElement().getElementsByTagName(
				"dependencyManagement").item(0);
			final NodeList dependencies = management.getElementsByTagName("dependency");
			final Set<String> managed = new TreeSet<>();
			for (int i = 0; i < dependencies.getLength(); i++) {
				final Element d = (Element) dependencies.item(i);
				managed.add(text(d, "groupId") + ":" + text(d, "artifactId"));
			}
			if (managed.isEmpty()) throw new IOException(pomScijava + " manages nothing");
			return managed;
		}
		catch (final ParserConfigurationException | SAXException | RuntimeException e) {
			throw new IOException("cannot read " + pomScijava + ": " + e.getMessage(), e);
		}
	}

	private static String text(final Element e, final String tag) {
		return e.getElementsByTagName(tag).item(0).getTextContent().trim();
	}

	/** A resolved dependency: coordinates and the jar. */
	static final class Dependency {

		final String groupId;
		final String artifactId;
		final String classifier;
		final Path file;

		Dependency(final String groupId, final String artifactId, final String classifier,
			final Path file)
		{
			this.groupId = groupId;
			this.artifactId = artifactId;
			this.classifier = classifier;
			this.file = file;
		}

		String key() {
			return groupId + ":" + artifactId;
		}
	}

	static List<Dependency> dependencies(final Path list) throws IOException {
		final List<Dependency> dependencies = new ArrayList<>();
		for (final String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
			final Matcher m = DEPENDENCY.matcher(line);
			if (m.matches() && "jar".equals(m.group(3))) dependencies.add(new Dependency(m.group(1), m
				.group(2), m.group(4), Paths.get(m.group(7))));
		}
		if (dependencies.isEmpty()) throw new IOException(list + " lists no jar");
		return dependencies;
	}

	/** @return every file written, relative to {@code out} */
	static List<Path> write(final Path out, final Set<String> managed,
		final List<Dependency> dependencies, final Path plugin, final Path natives,
		final Path tensorflow, final Path macros) throws IOException
	{
		Folders.deleteTree(out);
		final Map<Path, Path> files = new TreeMap<>();
		files.put(Paths.get("jars", plugin.getFileName().toString()), plugin);
		for (final Dependency d : dependencies) {
			// natives: every platform's below, not just this machine's
			if (d.classifier != null || managed.contains(d.key())) continue;
			files.put(Paths.get("jars", d.file.getFileName().toString()), d.file);
		}
		for (final Path jar : list(natives, ".jar")) {
			files.put(Paths.get("jars", platformFolder(jar), jar.getFileName().toString()), jar);
		}
		for (final Path jar : list(tensorflow, ".jar")) {
			files.put(Paths.get("lib", "pssr-tensorflow", jar.getFileName().toString()), jar);
		}
		for (final Path macro : list(macros, ".ijm")) {
			files.put(Paths.get("scripts", "Plugins", "PSSR", macro.getFileName().toString()), macro);
		}
		for (final Map.Entry<Path, Path> f : files.entrySet()) {
			final Path target = out.resolve(f.getKey());
			Files.createDirectories(target.getParent());
			Files.copy(f.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
		}
		return new ArrayList<>(files.keySet());
	}

	/** Fiji's platform folder for a natives jar named {@code ...-<classifier>.jar}. */
	static String platformFolder(final Path jar) {
		final String name = jar.getFileName().toString();
		for (final Map.Entry<String, String> p : PLATFORMS.entrySet()) {
			if (name.endsWith("-" + p.getKey() + ".jar")) return p.getValue();
		}
		throw new IllegalArgumentException(jar + " is not a natives jar of " + PLATFORMS.keySet());
	}

	private static List<Path> list(final Path folder, final String suffix) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(
				Collectors.toList());
		}
	}

	static void zip(final Path tree, final Path zip) throws IOException {
		final List<Path> files;
		try (Stream<Path> walk = Files.walk(tree)) {
			files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
			for (final Path f : files) {
				z.putNextEntry(new ZipEntry(tree.relativize(f).toString().replace('\\', '/')));
				try (InputStream in = Files.newInputStream(f)) {
					in.transferTo(z);
				}
				z.closeEntry();
			}
		}
	}
}
