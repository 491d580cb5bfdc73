package org.pssr.crappify.synth;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;

/**
 * A high-resolution live-cell fluorescence movie with known content, for the demo and the tests
 * when no real data is at hand: mitochondria-like tubules that drift and slowly bend, and
 * vesicle-like puncta that diffuse and run along directed paths, seen through a Gaussian PSF on a
 * smooth background, with photobleaching, shot noise, read noise and a camera offset, quantised to
 * 16 bits.
 * <p>
 * Every frame is a pure function of (seed, t): object motion is a sum of smooth periodic terms of
 * t, and the noise of frame t comes from its own seeded stream. Frames are rendered on demand, so
 * a movie of any length costs the memory of one frame.
 */
public final class SyntheticFluorescenceMovie extends AbstractMovie {

	/** HR pixel size of an Airyscan/SIM-class acquisition, in µm. */
	public static final double PIXEL_SIZE_UM = 0.04;
	public static final double FRAME_INTERVAL_S = 2.0;

	/** 64 MP: a frame is rendered in memory with its background, so 0.5 GB. */
	private static final long MAX_PIXELS = 1L << 26;
	private static final double PSF_SIGMA = 1.1;
	private static final double CAMERA_OFFSET = 100;
	private static final double READ_NOISE = 2.5;
	/** Photons per intensity unit at t = 0: enough for a clean HR reference, as with a good HR camera. */
	private static final double GAIN = 16;

	/** The size, as the int the renderer indexes with. */
	private final int width;
	private final int height;
	private final long seed;
	private final List<Tubule> tubules = new ArrayList<>();
	private final List<Punctum> puncta = new ArrayList<>();
	private final float[] background;
	private final double bleachTau;

	public SyntheticFluorescenceMovie(final int width, final int height, final int frames,
		final long seed)
	{
		super(width, height, frames, new Calibration(PIXEL_SIZE_UM, PIXEL_SIZE_UM, FRAME_INTERVAL_S));
		if (width < 16 || height < 16 || frames < 1) {
			throw new IllegalArgumentException("a synthetic movie needs at least 16 x 16 pixels and " +
				"one frame, not " + width + " x " + height + " x " + frames);
		}
		if ((long) width * height > MAX_PIXELS || frames > 1_000_000) throw new IllegalArgumentException(
			"a synthetic movie of " + width + " x " + height + " x " + frames + " is beyond what is " +
				"rendered here: at most " + MAX_PIXELS + " pixels per frame and 1000000 frames");
		this.width = width;
		this.height = height;
		this.seed = seed;
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
		final double area = (double) width * height;
		final int nTubules = Math.max(3, (int) Math.round(area / 2500));
		final int nPuncta = Math.max(5, (int) Math.round(area / 900));
		for (int i = 0; i < nTubules; i++)
			tubules.add(new Tubule(rng, width, height));
		for (int i = 0; i < nPuncta; i++)
			puncta.add(new Punctum(rng, width, height));
		this.background = background(rng, width, height);
		this.bleachTau = frames * (3 + 2 * rng.nextDouble());
	}

	/**
	 * How the movie was made, for the Info of the TIFF it is saved as ({@code pssr synth}): the
	 * same for the same settings, as the movie is.
	 */
	public Provenance provenance() {
		return Provenance.reproducible("synth").with("width", width).with("height", height).with("frames",
			frames()).with("seed", seed);
	}

	@Override
	public RandomAccessibleInterval<FloatType> frame(final int t) {
		if (t < 0 || t >= frames()) {
			throw new IndexOutOfBoundsException("frame " + t + " of a " + frames() + "-frame movie");
		}
		return ArrayImgs.floats(render(t), width, height);
	}

	/** Frame t without shot and read noise or offset: what an ideal detector would record. */
	public float[] expected(final int t) {
		final float[] img = new float[width * height];
		final double bleach = Math.exp(-t / bleachTau);
		for (final Tubule tb : tubules)
			tb.draw(img, width, height, t, bleach);
		for (final Punctum p : puncta)
			p.draw(img, width, height, t, bleach);
		for (int i = 0; i < img.length; i++)
			img[i] += background[i];
		return img;
	}

	private float[] render(final int t) {
		final float[] img = expected(t);
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { seed,
			0x9E3779B97F4A7C15L * (t + 1) });
		final ContinuousSampler read = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng),
			CAMERA_OFFSET, READ_NOISE);
		for (int i = 0; i < img.length; i++) {
			final double photons = Math.max(0, img[i]) * GAIN;
			final double shot = photons > 0 ? PoissonSampler.of(rng, photons).sample() : 0;
			final double v = Math.rint(shot / GAIN + read.sample());
			img[i] = (float) Math.max(0, Math.min(65535, v));
		}
		return img;
	}

	private static float[] background(final UniformRandomProvider rng, final int w, final int h) {
		final float[] bg = new float[w * h];
		final double level = 20 + 20 * rng.nextDouble();
		final int blobs = 3;
		final double[][] b = new double[blobs][4];
		for (final double[] blob : b) {
			blob[0] = rng.nextDouble() * w;
			blob[1] = rng.nextDouble() * h;
			blob[2] = (0.25 + 0.25 * rng.nextDouble()) * Math.max(w, h);
			blob[3] = 15 + 30 * rng.nextDouble();
		}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = level;
				for (final double[] blob : b) {
					final double dx = x - blob[0], dy = y - blob[1];
					v += blob[3] * Math.exp(-(dx * dx + dy * dy) / (2 * blob[2] * blob[2]));
				}
				bg[y * w + x] = (float) v;
			}
		return bg;
	}

	/** Adds a Gaussian spot of total weight {@code amplitude * 2 pi sigma^2} centred at (x, y). */
	static void splat(final float[] img, final int w, final int h, final double x, final double y,
		final double sigma, final double amplitude)
	{
		final int r = (int) Math.ceil(3 * sigma);
		final int x0 = Math.max(0, (int) Math.floor(x) - r), x1 = Math.min(w - 1, (int) Math.floor(x) +
			r + 1);
		final int y0 = Math.max(0, (int) Math.floor(y) - r), y1 = Math.min(h - 1, (int) Math.floor(y) +
			r + 1);
		final double k = -1 / (2 * sigma * sigma);
		for (int yy = y0; yy <= y1; yy++) {
			final double dy2 = (yy - y) * (yy - y);
			final int row = yy * w;
			for (int xx = x0; xx <= x1; xx++) {
				final double dx = xx - x;
				img[row + xx] += (float) (amplitude * Math.exp((dx * dx + dy2) * k));
			}
		}
	}

	/** A tubule whose centre line bends in time: a travelling wave along a drifting chord. */
	private static final class Tubule {

		final double cx, cy, angle, length, brightness, width;
		final double driftX, driftY, rotRate, wobbleAmp, waveNumber, waveSpeed, phase, bend;

		Tubule(final UniformRandomProvider rng, final int w, final int h) {
			cx = rng.nextDouble() * w;
			cy = rng.nextDouble() * h;
			angle = rng.nextDouble() * Math.PI;
			length = Math.min(w, h) * (0.15 + 0.35 * rng.nextDouble());
			brightness = 100 + 120 * rng.nextDouble();
			width = 1.2 + 1.3 * rng.nextDouble();
			driftX = (rng.nextDouble() - 0.5) * 0.6;
			driftY = (rng.nextDouble() - 0.5) * 0.6;
			rotRate = (rng.nextDouble() - 0.5) * 0.02;
			wobbleAmp = 1 + 3 * rng.nextDouble();
			waveNumber = (0.5 + 1.5 * rng.nextDouble()) * 2 * Math.PI / length;
			waveSpeed = (rng.nextDouble() - 0.5) * 0.3;
			phase = rng.nextDouble() * 2 * Math.PI;
			bend = (rng.nextDouble() - 0.5) * 0.02;
		}

		void draw(final float[] img, final int w, final int h, final int t, final double bleach) {
			final double x0 = cx + driftX * t + 2 * Math.sin(0.05 * t + phase);
			final double y0 = cy + driftY * t + 2 * Math.cos(0.04 * t + phase);
			final double a = angle + rotRate * t;
			final double ca = Math.cos(a), sa = Math.sin(a);
			final double sigma = Math.hypot(PSF_SIGMA, width);
			final double step = 0.5;
			final double amp = brightness * bleach * step / (2 * Math.PI * sigma * width);
			for (double s = -length / 2; s <= length / 2; s += step) {
				final double lateral = wobbleAmp * Math.sin(waveNumber * s + waveSpeed * t + phase) + bend *
					s * s;
				final double px = x0 + s * ca - lateral * sa;
				final double py = y0 + s * sa + lateral * ca;
				splat(img, w, h, wrap(px, w), wrap(py, h), sigma, amp * width);
			}
		}
	}

	/** A vesicle: diffusion-like jitter around a directed run, with a slow blink in brightness. */
	private static final class Punctum {

		final double x, y, vx, vy, brightness, size, jitter, p1, p2, blink;

		Punctum(final UniformRandomProvider rng, final int w, final int h) {
			x = rng.nextDouble() * w;
			y = rng.nextDouble() * h;
			final double speed = rng.nextDouble() < 0.3 ? 0.5 + rng.nextDouble() : 0.1 * rng
				.nextDouble();
			final double dir = rng.nextDouble() * 2 * Math.PI;
			vx = speed * Math.cos(dir);
			vy = speed * Math.sin(dir);
			brightness = 80 + 180 * rng.nextDouble();
			size = 0.6 + 1.2 * rng.nextDouble();
			jitter = 0.5 + rng.nextDouble();
			p1 = rng.nextDouble() * 2 * Math.PI;
			p2 = rng.nextDouble() * 2 * Math.PI;
			blink = 0.2 * rng.nextDouble();
		}

		void draw(final float[] img, final int w, final int h, final int t, final double bleach) {
			final double px = x + vx * t + jitter * (Math.sin(0.7 * t + p1) + 0.5 * Math.sin(1.9 * t +
				p2));
			final double py = y + vy * t + jitter * (Math.cos(0.6 * t + p2) + 0.5 * Math.cos(1.7 * t +
				p1));
			final double sigma = Math.hypot(PSF_SIGMA, size);
			final double amp = brightness * bleach * (1 - blink + blink * Math.sin(0.3 * t + p1));
			splat(img, w, h, wrap(px, w), wrap(py, h), sigma, amp);
		}
	}

	/** Objects leaving one side come back on the other, so a long movie does not empty out. */
	private static double wrap(final double v, final int size) {
		final double m = v % size;
		return m < 0 ? m + size : m;
	}
}
