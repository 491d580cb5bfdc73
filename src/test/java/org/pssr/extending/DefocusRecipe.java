package org.pssr.extending;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.GaussianBlur;
import org.pssr.crappify.AbstractRecipeFactory;
import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.RecipeParameter;

/**
 * The worked example of docs/extending.md, a recipe from outside pssr's packages: a defocused
 * camera with larger pixels, that is a Gaussian blur of {@code blur} HR pixels, then the
 * {@code gaussian} recipe (the mean of each block plus read noise of s.d. {@code noise}). Its
 * factory is listed in {@code src/test/resources/META-INF/services/org.pssr.crappify.RecipeFactory}.
 */
public final class DefocusRecipe implements Degradation {

	/** What the registry finds: the key, the parameters and how to make the recipe. */
	public static final class Factory extends AbstractRecipeFactory {

		static final RecipeParameter BLUR = RecipeParameter.of("blur", 2, "HR pixels",
			"s.d. of the defocus").above(0);
		static final RecipeParameter NOISE = RecipeParameter.of("noise", 0.02, "normalised units",
			"s.d. of the read noise").atLeast(0);

		public Factory() {
			super("defocus", "A defocused camera with larger pixels: Gaussian blur, block mean, " +
				"read noise.", BLUR, NOISE);
		}

		@Override
		public Degradation create(final int scale, final Map<String, Double> parameters) {
			return new DefocusRecipe(scale, parameters.get("blur"), parameters.get("noise"));
		}
	}

	private final double blur;
	private final GaussianDegradation camera;
	private final Map<String, Double> parameters;

	DefocusRecipe(final int scale, final double blur, final double noise) {
		this.blur = Factory.BLUR.require(blur);
		this.camera = new GaussianDegradation(scale, Factory.NOISE.require(noise));
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put("scale", (double) scale); // the record starts with the scale, as every recipe's does
		p.put("blur", blur);
		p.put("noise", noise);
		this.parameters = Collections.unmodifiableMap(p);
	}

	@Override
	public String name() {
		return "defocus";
	}

	@Override
	public int scale() {
		return camera.scale();
	}

	@Override
	public Map<String, Double> parameters() {
		return parameters;
	}

	@Override
	public float[] apply(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng)
	{
		return camera.apply(GaussianBlur.apply(hr, width, height, blur), width, height, rng);
	}

	/** The blur leaves the noise as the camera adds it. */
	@Override
	public double lrNoiseVariance(final double value) {
		return camera.lrNoiseVariance(value);
	}
}
