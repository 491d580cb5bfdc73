package org.pssr.crappify.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

	@TempDir
	Path dir;

	@Test
	void anOutputAppearsOnlyWhenCommittedWithTheUsualPermissions() throws IOException {
		final Path out = dir.resolve("out.bin");
		try (StagedOutput staged = StagedOutput.file(out)) {
			Files.write(staged.path(), "complete".getBytes(StandardCharsets.UTF_8));
			assertFalse(Files.exists(out), "visible before it is complete");
			staged.commit();
		}
		assertEquals("complete", Files.readString(out));
		final Path ordinary = Files.createFile(dir.resolve("ordinary"));
		assertEquals(permissions(ordinary), permissions(out), "not the permissions of a new file");
		assertEquals(List.of("ordinary", "out.bin"), entries(dir), "staging or lock left");
	}

	@Test
	void anAbandonedOutputLeavesNothingAndTheOldOneIntact() throws IOException {
		final Path out = Files.write(dir.resolve("out.bin"), "old".getBytes(StandardCharsets.UTF_8));
		try (StagedOutput staged = StagedOutput.file(out)) {
			Files.write(staged.path(), "half".getBytes(StandardCharsets.UTF_8));
		}
		assertEquals("old", Files.readString(out));
		assertEquals(List.of("out.bin"), entries(dir));
	}

	@Test
	void aSecondWriterOfTheSameOutputIsRefused() throws IOException {
		final Path out = dir.resolve("out.bin");
		try (StagedOutput first = StagedOutput.file(out)) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> StagedOutput.file(out));
			assertTrue(e.getMessage().contains("being written by another"), e.getMessage());
			first.commit();
		}
		StagedOutput.file(out).close();
	}

	@Test
	void stagingOfADeadProcessIsRemovedByTheNextWriteButNotThatOfALiveOne() throws IOException {
		final Path dead = Files.createDirectory(dir.resolve(".ds." + deadPid() + "-1.part"));
		Files.write(dead.resolve("lr1.tif"), new byte[10]);
		final Path alive = Files.createFile(dir.resolve(".ds." + ProcessHandle.current().parent()
			.orElseThrow().pid() + "-1.part"));
		final Path other = Files.createFile(dir.resolve(".other." + deadPid() + "-1.part"));
		try (StagedOutput staged = StagedOutput.folder(dir.resolve("ds"))) {
			staged.commit();
		}
		assertFalse(Files.exists(dead), "a dead process's staging stayed");
		assertTrue(Files.exists(alive), "a live process's staging was taken");
		assertTrue(Files.exists(other), "staging of another output was taken");
	}

	@Test
	void aFolderIsReplacedOnlyOnceTheNewOneIsComplete() throws IOException {
		final Path out = Files.createDirectory(dir.resolve("ds"));
		Files.write(out.resolve("old.txt"), new byte[1]);
		try (StagedOutput staged = StagedOutput.folder(out)) {
			Files.write(staged.path().resolve("new.txt"), new byte[1]);
			assertTrue(Files.exists(out.resolve("old.txt")));
			staged.commit();
		}
		assertEquals(List.of("new.txt"), entries(out));
		assertEquals(List.of("ds"), entries(dir));
	}

	@Test
	void aScratchFolderIsGoneWhenClosed() throws IOException {
		final Path path;
		try (StagedOutput scratch = StagedOutput.scratch("pssr-test")) {
			path = scratch.path();
			Files.write(path.resolve("x"), new byte[1]);
			assertThrows(IllegalStateException.class, scratch::commit);
		}
		assertFalse(Files.exists(path));
	}

	/** A process id no process has now. */
	private static long deadPid() {
		long pid = 4_000_000;
		while (ProcessHandle.of(pid).isPresent())
			pid++;
		return pid;
	}

	private static Set<PosixFilePermission> permissions(final Path p) throws IOException {
		return Files.getPosixFilePermissions(p);
	}

	private static List<String> entries(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
