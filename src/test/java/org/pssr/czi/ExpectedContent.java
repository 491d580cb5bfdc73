package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** What a CZI must decode to: its codecs, pixel type, scaling and every plane. */
final class ExpectedContent {

	private final SortedSet<Integer> compressions;
	private final CziPixelType pixelType;
	private final double[] scalingMetres;
	private final List<ExpectedPlane> planes;

	/**
	 * @param scalingMetres X, Y and, if the file has it, Z; 0 or NaN where it is uncalibrated
	 */
	ExpectedContent(final SortedSet<Integer> compressions, final CziPixelType pixelType,
		final double[] scalingMetres, final List<ExpectedPlane> planes)
	{
		this.compressions = Collections.unmodifiableSortedSet(new TreeSet<>(compressions));
		this.pixelType = pixelType;
		this.scalingMetres = Arrays.copyOf(scalingMetres, 3);
		if (scalingMetres.length < 3) this.scalingMetres[2] = Double.NaN;
		this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
	}

	/** What an independent decoder read from a real sample (expected/NAME.json). */
	static ExpectedContent fromJson(final JsonObject json) {
		final SortedSet<Integer> compressions = new TreeSet<>();
		for (final JsonElement c : json.getAsJsonArray("compression"))
			compressions.add(c.getAsInt());
		final JsonObject scaling = json.getAsJsonObject("scaling_m");
		final double[] metres = new double[3];
		for (int i = 0; i < 3; i++) {
			final String axis = String.valueOf("XYZ".charAt(i));
			metres[i] = scaling.has(axis) ? scaling.get(axis).getAsDouble() : Double.NaN;
		}
		final List<ExpectedPlane> planes = new ArrayList<>();
		for (final JsonElement p : json.getAsJsonArray("planes"))
			planes.add(ExpectedPlane.fromJson(p.getAsJsonObject()));
		return new ExpectedContent(compressions, CziPixelType.fromCode(json.getAsJsonArray(
			"pixel_type").get(0).getAsInt()), metres, planes);
	}

	List<ExpectedPlane> planes() {
		return planes;
	}

	void assertReadFrom(final CziFile czi) throws IOException {
		assertEquals(compressions, czi.compressions(), czi.name() + " codecs");
		for (final CziScene s : czi.scenes())
			assertEquals(pixelType, s.pixelType(), czi.name() + " scene " + s.index());
		final CziMetadata m = czi.metadata();
		final double[] read = { m.pixelWidth(), m.pixelHeight(), m.zStep() };
		for (int i = 0; i < 3; i++) {
			final String what = czi.name() + " scaling " + "XYZ".charAt(i);
			if (scalingMetres[i] > 0) assertEquals(scalingMetres[i] * 1e6, read[i], 1e-9, what);
			else assertTrue(Double.isNaN(read[i]), what + ": uncalibrated files give NaN");
		}
		for (final ExpectedPlane p : planes)
			p.assertReadFrom(czi);
	}
}
