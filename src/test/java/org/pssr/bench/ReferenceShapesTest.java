package org.pssr.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.pssr.train.Engines;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * Our networks and the Python reference in {@code bench/reference} must be the same: parameter and
 * buffer counts and output shapes per preset, against a fixture the script wrote with
 * {@code describe}, so this holds where PyTorch for Python is missing; {@link ReferenceScriptTest}
 * checks the script itself against the fixture.
 */
class ReferenceShapesTest {

	static JsonObject fixture() throws IOException {
		try (Reader r = new InputStreamReader(ReferenceShapesTest.class.getResourceAsStream(
			"reference-shapes.json"), StandardCharsets.UTF_8))
		{
			return JsonParser.parseReader(r).getAsJsonObject();
		}
	}

	@Test
	void javaNetworksMatchTheReferenceFixture() throws IOException {
		final JsonObject f = fixture();
		final int frames = f.get("frames").getAsInt();
		final int scale = f.get("scale").getAsInt();
		final JsonObject presets = f.getAsJsonObject("presets");
		assertEquals(3, presets.size(), "fixture lists small, pssr and fast");
		Engines.pytorch();
		JniUtils.setGradMode(false);
		for (final Map.Entry<String, JsonElement> e : presets.entrySet()) {
			final JsonObject p = e.getValue().getAsJsonObject();
			try (UNet net = new UNet(UNetConfig.preset(e.getKey(), frames, scale), Device.cpu(), 1);
				NDManager m = net.manager().newSubManager())
			{
				assertEquals(p.get("parameters").getAsLong(), net.parameterCount(), e.getKey() +
					" parameters");
				long buffers = 0;
				for (final NDArray b : net.weights().buffers().values()) {
					buffers += b.size();
				}
				assertEquals(p.get("buffers").getAsLong(), buffers, e.getKey() + " batch-norm buffers");
				for (final Map.Entry<String, JsonElement> s : p.getAsJsonObject("outputShapes").entrySet()) {
					final String[] hw = s.getKey().split("x");
					final NDArray x = m.randomUniform(0, 1, new Shape(2, frames, Long.parseLong(hw[0]), Long
						.parseLong(hw[1])));
					assertArrayEquals(longs(s.getValue().getAsJsonArray()), net.forward(x, false).getShape()
						.getShape(), e.getKey() + " output shape for " + s.getKey());
				}
			}
		}
	}

	private static long[] longs(final JsonArray a) {
		final long[] v = new long[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = a.get(i).getAsLong();
		}
		return v;
	}
}
