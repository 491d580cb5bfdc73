package org.pssr.fiji.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update-site tree holds exactly what Fiji lacks, where Fiji looks for it. */
class UpdateSiteTest {

	@TempDir
	Path dir;

	private Path file(final String path) throws IOException {
		final Path p = dir.resolve(path);
		Files.createDirectories(p.getParent());
		return Files.write(p, path.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void fijiShipsWhatPomScijavaManagesAndNothingPssrAddsBesideIt() throws IOException {
		final Set<String> managed = UpdateSite.managed(Paths.get(System.getProperty(
			"pssr.pomScijava")));
		for (final String fiji : new String[] { "net.imagej:ij", "net.imglib2:imglib2",
			"org.scijava:scijava-common", "com.google.code.gson:gson", "org.yaml:snakeyaml",
			"info.picocli:picocli", "net.java.dev.jna:jna", "org.slf4j:slf4j-api",
			"com.google.protobuf:protobuf-java", "com.github.luben:zstd-jni" })
			assertTrue(managed.contains(fiji), fiji);
		for (final String ours : new String[] { "ai.djl:api", "ai.djl.pytorch:pytorch-engine",
			"io.airlift:aircompressor", "org.apache.commons:commons-rng-core" })
			assertFalse(managed.contains(ours), ours);
	}

	@Test
	void writesTheTreeFromTheDependencyList() throws IOException {
		final Path list = Files.write(dir.resolve("deps.txt"), List.of("",
			"The following files have been resolved:",
			"   com.google.code.gson:gson:jar:2.10.1:compile:" + file("m2/gson-2.10.1.jar") +
				" -- module com.google.gson",
			"   ai.djl:api:jar:0.29.0:compile:" + file("m2/api-0.29.0.jar") + " -- module ai.djl.api [auto]",
			"   ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.3.1:runtime:" + file(
				"m2/pytorch-native-cpu-2.3.1-linux-x86_64.jar")), StandardCharsets.UTF_8);
		final List<UpdateSite.Dependency> deps = UpdateSite.dependencies(list);
		assertEquals(3, deps.size());
		assertEquals("linux-x86_64", deps.get(2).classifier);
		file("natives/pytorch-native-cpu-2.3.1-linux-x86_64.jar");
		file("natives/pytorch-native-cpu-2.3.1-win-x86_64.jar");
		file("natives/pytorch-native-cpu-2.3.1-osx-aarch64.jar");
		file("tf/tensorflow-engine-0.28.0.jar");
		file("macros/PSSR_Batch.ijm");
		file("macros/notes.txt");
		final Path out = dir.resolve("site");
		final List<Path> written = UpdateSite.write(out, Set.of("com.google.code.gson:gson"), deps,
			file("target/pssr-fiji-1.0.jar"), dir.resolve("natives"), dir.resolve("tf"), dir.resolve(
				"macros"));
		assertEquals(List.of("jars/api-0.29.0.jar", "jars/linux64/pytorch-native-cpu-2.3.1-linux-x86_64.jar",
			"jars/macos-arm64/pytorch-native-cpu-2.3.1-osx-aarch64.jar", "jars/pssr-fiji-1.0.jar",
			"jars/win64/pytorch-native-cpu-2.3.1-win-x86_64.jar", "lib/pssr-tensorflow/tensorflow-engine-0.28.0.jar",
			"scripts/Plugins/PSSR/PSSR_Batch.ijm"), written.stream().map(p -> p.toString().replace('\\',
				'/')).sorted().collect(Collectors.toList()));
		for (final Path p : written)
			assertTrue(Files.isRegularFile(out.resolve(p)), p.toString());
		UpdateSite.zip(out, dir.resolve("site.zip"));
		try (ZipFile zip = new ZipFile(dir.resolve("site.zip").toFile())) {
			assertEquals(written.size(), zip.size());
			assertTrue(zip.getEntry("lib/pssr-tensorflow/tensorflow-engine-0.28.0.jar") != null);
		}
	}

	@Test
	void refusesNativesOfAnUnknownPlatform() {
		assertThrows(IllegalArgumentException.class, () -> UpdateSite.platformFolder(Paths.get(
			"pytorch-native-cpu-2.3.1-linux-aarch64.jar")));
		assertEquals("win64", UpdateSite.platformFolder(Paths.get(
			"pytorch-native-cu121-2.3.1-win-x86_64.jar")));
	}
}
