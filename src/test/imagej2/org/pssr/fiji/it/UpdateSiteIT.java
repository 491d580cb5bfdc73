package org.pssr.fiji.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pssr.fiji.site.UpdateSite;

/** The update-site tree as installed: nothing Fiji ships twice, everything links against Fiji. */
class UpdateSiteIT {

	@Test
	void noJarOfTheUpdateSiteIsOneFijiShips() throws Exception {
		final FijiInstall fiji = FijiInstall.get();
		final Set<String> managed = new TreeSet<>();
		for (final String ga : UpdateSite.managed(Paths.get(System.getProperty("pssr.pomScijava"))))
			managed.add(ga.substring(ga.indexOf(':') + 1));
		final Set<String> installed = fiji.installedJarNames();
		final Set<String> twice = new TreeSet<>();
		for (final String jar : installed) {
			final String artifact = jar.replaceAll("-\\d.*\\.jar$", "");
			if (managed.contains(artifact)) twice.add(jar);
		}
		assertEquals(Set.of(), twice, "jars Fiji already ships");
		assertTrue(installed.stream().anyMatch(j -> j.startsWith("pssr-fiji-")), installed.toString());
		for (final String platform : new String[] { "linux64", "win64", "macos-arm64" })
			assertTrue(Files.list(fiji.app.resolve("jars").resolve(platform)).anyMatch(p -> p
				.getFileName().toString().startsWith("pytorch-native-")), platform);
		assertTrue(Files.isRegularFile(fiji.app.resolve("lib/pssr-tensorflow/tensorflow-engine-0.28.0.jar")));
		assertTrue(Files.isRegularFile(fiji.app.resolve("scripts/Plugins/PSSR/PSSR_Pipeline_Headless.ijm")));
	}

	@Test
	void everyClassOfTheUpdateSiteLinksAgainstFijisLibraries() throws Exception {
		final FijiInstall fiji = FijiInstall.get();
		final FijiInstall.Result r = fiji.run(600, "check", "org.pssr.fiji.FijiChecks#linkage", fiji.app
			.resolve("jars").toString());
		assertTrue(r.result().startsWith("ok"), r.toString());
	}
}
