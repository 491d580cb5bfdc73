package org.pssr.deepimagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import io.bioimage.modelrunner.bioimageio.description.ModelDescriptor;
import io.bioimage.modelrunner.bioimageio.description.ModelDescriptorFactory;
import io.bioimage.modelrunner.bioimageio.description.TensorSpec;
import io.bioimage.modelrunner.bioimageio.description.TransformSpec;
import io.bioimage.modelrunner.tensor.Tensor;
import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.Archives;
import org.pssr.testing.CliProcess;
import org.pssr.train.exchange.BioImageIoProcessing;
import org.pssr.train.exchange.Npy;
import org.yaml.snakeyaml.Yaml;

/**
 * The deepImageJ suite: for every preset of {@code UNetConfig.preset}, a model trained by {@code
 * pssr train} (one short epoch on a synthetic movie, x4) and exported by {@code pssr export} is read
 * and run, unedited, by JDLL 0.6.3 (what deepImageJ 3 runs bioimage.io models with) and its
 * TensorFlow 2.10.1 engine, and compared with the package's {@code test_output.npy} and with {@code
 * pssr superres} of the same window.
 * <p>
 * The comparison is taken apart so that its tolerance is explained rather than chosen. Exactly (to
 * float rounding): JDLL's engine on the spec's pre-processing gives {@code test_output.npy}, and so
 * does pssr superres; JDLL's {@code scale_range} is the value at a rounded-down rank of the sorted
 * window (the spec, like NumPy, interpolates between ranks); JDLL's output is its engine on one tile,
 * the window extended by the package's halo (8 LR pixels) of mirrored pixels, where pssr runs the
 * window with the network's zero padding. With JDLL's tiling on both sides, what is left is the
 * percentile rule, which may move the output by at most {@value #GAIN} times the input's shift. The
 * mirrored halo's effect near the edges has no bound to assert (a network with attention sees the
 * whole tile): it is measured and printed, with the rest, for docs/tensorflow.md.
 * <p>
 * pssr's commands run in a JVM of their own: its TensorFlow (DJL 0.28's, TF 2.10.1) and JDLL's (TF
 * Java 0.5.0, the same TF 2.10.1 built separately) abort the process when both load ("Duplicate
 * registration of device factory for type XLA_CPU").
 */
@Tag("deepimagej")
class JdllPackagesTest {

	/**
	 * How much more than its input's shift the network's output may move between the two
	 * percentile rules. A network is not a contraction, but one that amplified a shift of a few
	 * thousandths of the intensity range four-fold would be broken, not normalised differently
	 * (measured: 0.8 to 1.1).
	 */
	static final double GAIN = 4;
	/** Identities between two runs of the same TensorFlow graph on the same values. */
	static final double SAME = 1e-5;

	@TempDir
	static Path dir;
	static Path movie;

	@BeforeAll
	static void movie() throws Exception {
		movie = dir.resolve("hr.tif");
		pssr("synth", movie.toString(), "--width", "64", "--height", "64", "--frames", "6");
	}

	/** A model of {@code preset}, trained once for the whole class. */
	private static Path model(final String preset) throws Exception {
		final Path model = dir.resolve(preset + ".pssr.zip");
		if (!Files.exists(model)) pssr("train", "--movies", movie.toString(), "--output", model
			.toString(), "--preset", preset, "--scale", "4", "--tile", "32", "--samples", "8", "--epochs",
			"1", "--batch", "4", "--device", "cpu");
		return model;
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "fast", "pssr" })
	void jdllRunsTheUneditedPackageAsPssrDoes(final String preset) throws Exception {
		final Path pkg = dir.resolve(preset + "-bioimageio.zip");
		pssr("export", "--model", model(preset).toString(), "--output", pkg.toString(), "--author",
			"deepimagej suite");
		final Map<String, byte[]> packaged = Archives.read(pkg);
		final Path folder = dir.resolve(preset + "-unpacked");
		Archives.extract(pkg, folder);
		// what JDLL reads: the spec's fields as JDLL 0.6.3 understands them
		final ModelDescriptor read = ModelDescriptorFactory.readFromLocalFile(folder.resolve("rdf.yaml")
			.toString());
		final TensorSpec readIn = read.getInputTensors().get(0);
		final TensorSpec readOut = read.getOutputTensors().get(0);
		assertEquals(16, readIn.getAxesInfo().getAxis("y").getScale(), "input pixels 4² units");
		assertEquals(4, readOut.getAxesInfo().getAxis("y").getScale(), "output pixels 4 units: x4");
		assertEquals(32, readOut.getAxesInfo().getAxis("x").getHalo(), "8 LR pixels");
		assertEquals(List.of("scale_range"), readIn.getPreprocessing().stream().map(
			TransformSpec::getName).collect(Collectors.toList()));
		assertEquals(List.of(), readOut.getPostprocessing());
		final Npy.Array window = npy(folder.resolve("test_input.npy"));
		final int side = (int) window.shape[1];
		final int frames = (int) window.shape[3];
		final float[] raw = framesFirst(window.values, side * side, frames);
		final Path movieOfWindow = dir.resolve(preset + "-window.tif");
		writeMovie(raw, side, frames, movieOfWindow);
		final Path superres = dir.resolve(preset + "-superres.tif");
		pssr("superres", "--model", pkg.toString(), "--input", movieOfWindow.toString(), "--output",
			superres.toString(), "--tile", String.valueOf(side));
		@SuppressWarnings("unchecked")
		final Map<String, Object> rdf = (Map<String, Object>) new Yaml().load(new String(packaged.get(
			"rdf.yaml"), StandardCharsets.UTF_8));
		@SuppressWarnings("unchecked")
		final Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) rdf.get(
			"config")).get("pssr");
		@SuppressWarnings("unchecked")
		final Map<String, Object> tested = (Map<String, Object>) config.get("tested_with");
		assertTrue(String.valueOf(tested.get("jdll")).startsWith("JDLL " + jdllVersion() + " "),
			"the package names the JDLL this suite runs: " + tested);
		final Normalisation normalisation = new Normalisation(((Number) ((Map<?, ?>) config.get(
			"normalisation")).get("low")).doubleValue(), ((Number) ((Map<?, ?>) config.get(
				"normalisation")).get("high")).doubleValue());
		final int halo = readIn.getHaloArr()[readIn.getAxesOrder().indexOf('y')];
		assertEquals(8, halo, "JDLL's input halo: the output's in LR pixels");
		final Result r;
		try (Jdll jdll = Jdll.open(folder)) {
			final ModelDescriptor d = jdll.descriptor();
			assertEquals(rdf.get("id"), d.getModelID());
			final TensorSpec in = d.getInputTensors().get(0);
			final TensorSpec out = d.getOutputTensors().get(0);
			assertEquals("byxc", in.getAxesOrder());
			assertEquals("byxc", out.getAxesOrder());
			final Tensor<FloatType> input = Jdll.npy(in.getName(), in.getAxesOrder(), folder.resolve(
				"test_input.npy"));
			final RandomAccessibleInterval<FloatType> expected = Jdll.npy(out.getName(), out
				.getAxesOrder(), folder.resolve("test_output.npy")).getData();
			final long[] outDims = expected.dimensionsAsLongArray();
			// what deepImageJ shows
			final RandomAccessibleInterval<FloatType> got = jdll.run(copy(input));
			assertArrayEquals(new long[] { 1, 4L * side, 4L * side, 1 }, got.dimensionsAsLongArray(),
				"x4 as JDLL reads the axes");
			// the network: JDLL's engine on the spec's pre-processing gives the packaged test output
			final RandomAccessibleInterval<FloatType> spec = scaleRange(window, normalisation, dir.resolve(
				preset + "-spec.npy"), in.getAxesOrder());
			final double network = max(jdll.network(Tensor.build(in.getName(), in.getAxesOrder(), copy(
				spec)), out.getName(), out.getAxesOrder(), outDims), expected);
			assertTrue(network <= SAME * Math.max(1, range(expected)), preset + ": JDLL's engine vs " +
				"test_output.npy " + network);
			// the percentile rule: JDLL's scale_range is the value at the rounded-down rank
			final RandomAccessibleInterval<FloatType> jdllInput = jdll.preprocess(copy(input)).getData();
			assertTrue(max(jdllInput, rankRule(input, normalisation)) <= 1e-6, preset +
				": JDLL's scale_range is not the rounded-down rank");
			final double shift = max(jdllInput, spec);
			// the tiling: one tile, the window extended by the halo of mirrored pixels
			assertTrue(max(got, tiled(jdll, jdllInput, halo, out, outDims)) <= SAME * Math.max(1, range(
				got)), preset + ": JDLL's output is not its engine on its mirrored tile");
			final RandomAccessibleInterval<FloatType> specTiled = tiled(jdll, spec, halo, out, outDims);
			final double percentile = max(got, specTiled);
			assertTrue(percentile <= GAIN * shift, String.format(Locale.ROOT, "%s: the percentile rule " +
				"moved the input by %.3g and the output by %.3g", preset, shift, percentile));
			// pssr superres of the same window is the packaged test output, in the movie's units
			final IntensityMap map = normalisation.fit(raw.clone());
			final float[] sr = middleFrame(superres);
			final double pssrVsTest = maxVsFrame(expected, sr, map, false);
			assertTrue(pssrVsTest <= SAME * Math.max(1, range(expected)), preset +
				": pssr superres vs test_output.npy " + pssrVsTest);
			r = new Result(preset, max(got, expected), maxVsFrame(got, sr, map, true), map.high() - map
				.low(), shift, percentile, max(specTiled, expected), max(inner(specTiled, 2 * halo * 4),
					inner(expected, 2 * halo * 4)), network, pssrVsTest);
		}
		for (final Map.Entry<String, byte[]> e : packaged.entrySet())
			assertArrayEquals(e.getValue(), Files.readAllBytes(folder.resolve(e.getKey())), e.getKey() +
				" was changed");
		System.out.println(r);
	}

	/** What one preset measured, printed for the record (docs/tensorflow.md). */
	private static final class Result {

		final String text;

		Result(final String preset, final double vsTest, final double vsSuperres, final double span,
			final double shift, final double percentile, final double edge, final double inner,
			final double network, final double pssr)
		{
			text = String.format(Locale.ROOT, "deepimagej %s: max |JDLL - test_output| %.3g " +
				"(normalised), max |JDLL - pssr superres| %.3g (input units, percentile span %.4g); of " +
				"which percentile rule %.3g (input moved %.3g), mirrored halo %.3g (%.3g beyond two " +
				"halos from the edges); JDLL's engine vs test_output %.3g, pssr superres vs test_output " +
				"%.3g", preset, vsTest, vsSuperres, span, percentile, shift, edge, inner, network, pssr);
		}

		@Override
		public String toString() {
			return text;
		}
	}

	/**
	 * The package that keeps {@code scale_mean_variance} ({@code --output-units input}) is the one
	 * JDLL 0.6.3 cannot run, and says so: the choice the default avoids.
	 */
	@org.junit.jupiter.api.Test
	void jdllRefusesTheScaleMeanVariancePackage() throws Exception {
		final Path pkg = dir.resolve("input-units.zip");
		pssr("export", "--model", model("small").toString(), "--output", pkg.toString(),
			"--output-units", "input");
		final Path folder = dir.resolve("input-units");
		Archives.extract(pkg, folder);
		try (Jdll jdll = Jdll.open(folder)) {
			final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
				IllegalArgumentException.class, () -> jdll.run(Jdll.npy("input", "byxc", folder.resolve(
					"test_input.npy"))));
			assertTrue(e.getMessage().contains("Invalid method 'scale_mean_variance'"), e.getMessage());
		}
	}

	/** {@code rai} without a border of {@code margin} pixels in y and x. */
	private static RandomAccessibleInterval<FloatType> inner(
		final RandomAccessibleInterval<FloatType> rai, final long margin)
	{
		final long[] min = rai.minAsLongArray();
		final long[] max = rai.maxAsLongArray();
		for (final int d : new int[] { 1, 2 }) {
			min[d] += margin;
			max[d] -= margin;
		}
		return copy(Views.interval(rai, new FinalInterval(min, max)));
	}

	/** pssr's commands in a JVM of their own (see the class comment). */
	private static void pssr(final String... args) throws Exception {
		final Path log = dir.resolve(args[0] + ".log");
		final Process p = CliProcess.start(log, Map.of(), args);
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "pssr " + args[0] + " did not finish");
		assertEquals(0, p.exitValue(), () -> "pssr " + String.join(" ", args) + ":\n" + read(log));
	}

	private static String jdllVersion() {
		return io.bioimage.modelrunner.model.java.BioimageIoModelJava.class.getPackage()
			.getImplementationVersion();
	}

	/**
	 * The engine on {@code normalised} as JDLL's tiling runs it: one tile, the window extended by
	 * {@code halo} pixels of its mirror image on each side, the output's middle kept.
	 */
	private static RandomAccessibleInterval<FloatType> tiled(final Jdll jdll,
		final RandomAccessibleInterval<FloatType> normalised, final int halo, final TensorSpec out,
		final long[] outDims) throws Exception
	{
		final long[] min = { 0, -halo, -halo, 0 };
		final long[] max = normalised.maxAsLongArray();
		max[1] += halo;
		max[2] += halo;
		final RandomAccessibleInterval<FloatType> tile = copy(Views.zeroMin(Views.interval(Views
			.extendMirrorDouble(normalised), new FinalInterval(min, max))));
		final long s = outDims[1] / normalised.dimension(1);
		final long[] tileOut = { 1, tile.dimension(1) * s, tile.dimension(2) * s, 1 };
		final RandomAccessibleInterval<FloatType> y = jdll.network(Tensor.build("input", "byxc", tile),
			out.getName(), out.getAxesOrder(), tileOut);
		// the middle of the tile's output: the window's
		return copy(Views.zeroMin(Views.interval(y, new FinalInterval(new long[] { 0, halo * s, halo *
			s, 0 }, new long[] { 0, halo * s + outDims[1] - 1, halo * s + outDims[2] - 1, 0 }))));
	}

	/** scale_range as the spec defines it (NumPy's interpolated percentiles), as JDLL reads .npy. */
	private static RandomAccessibleInterval<FloatType> scaleRange(final Npy.Array input,
		final Normalisation n, final Path npy, final String axes) throws Exception
	{
		try (OutputStream os = Files.newOutputStream(npy)) {
			Npy.write(new Npy.Array(input.shape, BioImageIoProcessing.scaleRange(input.values, n)), os);
		}
		return Jdll.npy("input", axes, npy).getData();
	}

	/**
	 * JDLL 0.6.3's scale_range (ScaleRangeTransformation.findPercentileValue): the sorted window's
	 * value at index {@code (int) (n * p / 100)}, where NumPy interpolates at {@code (n - 1) p / 100}.
	 */
	private static RandomAccessibleInterval<FloatType> rankRule(final Tensor<FloatType> input,
		final Normalisation n)
	{
		final float[] v = values(input.getData());
		final double[] sorted = new double[v.length];
		for (int i = 0; i < v.length; i++)
			sorted[i] = v[i];
		Arrays.sort(sorted);
		final double low = sorted[Math.min(v.length - 1, (int) (v.length * n.lowPercentile() / 100))];
		final double high = sorted[Math.min(v.length - 1, (int) (v.length * n.highPercentile() / 100))];
		final RandomAccessibleInterval<FloatType> out = copy(input.getData());
		LoopBuilder.setImages(out).forEachPixel(p -> p.setReal((p.getRealDouble() - low) / (high - low +
			BioImageIoProcessing.EPS)));
		return out;
	}

	private static float[] values(final RandomAccessibleInterval<FloatType> rai) {
		final float[] v = new float[(int) rai.size()];
		int i = 0;
		for (final FloatType f : Views.flatIterable(rai))
			v[i++] = f.get();
		return v;
	}

	private static Tensor<FloatType> copy(final Tensor<FloatType> t) {
		return Tensor.build(t.getName(), t.getAxesOrderString(), copy(t.getData()));
	}

	private static RandomAccessibleInterval<FloatType> copy(
		final RandomAccessibleInterval<FloatType> rai)
	{
		final RandomAccessibleInterval<FloatType> c = ArrayImgs.floats(rai.dimensionsAsLongArray());
		LoopBuilder.setImages(Views.zeroMin(rai), c).forEachPixel((a, b) -> b.set(a));
		return c;
	}

	private static double max(final RandomAccessibleInterval<FloatType> a,
		final RandomAccessibleInterval<FloatType> b)
	{
		assertArrayEquals(a.dimensionsAsLongArray(), b.dimensionsAsLongArray());
		final Cursor<FloatType> x = Views.flatIterable(a).cursor();
		final Cursor<FloatType> y = Views.flatIterable(b).cursor();
		double m = 0;
		while (x.hasNext())
			m = Math.max(m, Math.abs(x.next().get() - y.next().get()));
		return m;
	}

	private static double range(final RandomAccessibleInterval<FloatType> a) {
		double m = 0;
		for (final FloatType f : Views.flatIterable(a))
			m = Math.max(m, Math.abs(f.get()));
		return m;
	}

	/**
	 * Max difference between a {@code 1 x y x x x 1} output and a frame of pssr superres: in the
	 * network's units, or ({@code inputUnits}) with the output mapped back as pssr does.
	 */
	private static double maxVsFrame(final RandomAccessibleInterval<FloatType> out,
		final float[] frame, final IntensityMap map, final boolean inputUnits)
	{
		final int h = (int) out.dimension(1);
		final int w = (int) out.dimension(2);
		assertEquals(frame.length, h * w);
		final RandomAccess<FloatType> a = out.randomAccess();
		double m = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				a.setPosition(new long[] { 0, y, x, 0 });
				final float v = a.get().get();
				final float f = frame[y * w + x];
				m = Math.max(m, inputUnits ? Math.abs(map.invert(v) - f) : Math.abs(v - map.apply(f)));
			}
		return m;
	}

	private static Npy.Array npy(final Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return Npy.read(in);
		}
	}

	/** {@code 1 x y x x x frames} (channels last) as {@code frames} planes. */
	private static float[] framesFirst(final float[] channelsLast, final int plane, final int frames) {
		final float[] out = new float[channelsLast.length];
		for (int p = 0; p < plane; p++)
			for (int t = 0; t < frames; t++)
				out[t * plane + p] = channelsLast[p * frames + t];
		return out;
	}

	private static void writeMovie(final float[] planes, final int side, final int frames,
		final Path tif)
	{
		final ImageStack stack = new ImageStack(side, side);
		for (int t = 0; t < frames; t++)
			stack.addSlice(new FloatProcessor(side, side, Arrays.copyOfRange(planes, t * side * side, (t +
				1) * side * side)));
		final ImagePlus imp = new ImagePlus("window", stack);
		imp.setDimensions(1, 1, frames);
		IJ.saveAsTiff(imp, tif.toString());
	}

	/** The output frame of the window's middle frame: the one made of exactly the packaged window. */
	private static float[] middleFrame(final Path tif) {
		final ImagePlus imp = IJ.openImage(tif.toString());
		return (float[]) imp.getStack().getProcessor(imp.getStackSize() / 2 + 1).convertToFloat()
			.getPixels();
	}

	private static String read(final Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final java.io.IOException e) {
			return e.toString();
		}
	}
}
