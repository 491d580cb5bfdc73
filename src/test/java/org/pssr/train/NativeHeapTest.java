package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The allocator settings that keep training steps off the page-fault path reach glibc. */
class NativeHeapTest {

	@Test
	void glibcTakesTheSettingsUnlessTheUserTunedItAlready() {
		final boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
		final boolean userTuned = System.getenv("GLIBC_TUNABLES") != null || System.getenv().keySet()
			.stream().anyMatch(k -> k.startsWith("MALLOC_"));
		assertEquals(linux && !userTuned, NativeHeap.keepFreedTensorMemory());
		assertEquals(linux && !userTuned, NativeHeap.keepFreedTensorMemory(), "a second call changes nothing");
		assertTrue(NativeHeap.MMAP_THRESHOLD <= NativeHeap.TRIM_THRESHOLD,
			"a block kept off mmap must not be trimmed back at once");
	}
}
