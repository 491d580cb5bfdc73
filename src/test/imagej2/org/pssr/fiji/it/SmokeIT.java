package org.pssr.fiji.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeIT {

	@Test
	void menuHasThePssrCommands() throws Exception {
		final FijiInstall fiji = FijiInstall.get();
		final FijiInstall.Result r = fiji.run(300, "eval", "print(\"hello from Fiji\");");
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.log().contains("hello from Fiji"), r.toString());
		System.out.println(r.output);
	}
}
