package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The networks come from the registry: the presets by key, and a clear refusal for others. */
class NetworksTest {

	@Test
	void thePresetsAreTheRegistrysNetworks() {
		assertEquals(List.of("fast", "pssr", "small"), Networks.names());
		for (final String name : Networks.names()) {
			final UNetConfig c = UNetConfig.preset(name, 3, 4);
			assertEquals(name, c.preset(), "a network records the key it was made by");
			assertEquals(3, c.frames());
			assertEquals(4, c.scale());
		}
		assertTrue(UNetConfig.preset("fast", 1, 2).lowResolution());
		assertTrue(UNetConfig.preset("PSSR", 3, 2).attention(), "keys are case-insensitive, as before");
	}

	@Test
	void anUnknownNetworkIsRefusedNamingTheKnownOnes() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> UNetConfig.preset("huge", 3, 4));
		assertEquals("unknown preset 'huge': use fast, pssr, small", e.getMessage());
	}
}
