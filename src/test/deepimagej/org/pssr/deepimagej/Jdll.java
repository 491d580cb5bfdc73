package org.pssr.deepimagej;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bioimage.modelrunner.bioimageio.description.ModelDescriptor;
import io.bioimage.modelrunner.engine.DeepLearningEngineInterface;
import io.bioimage.modelrunner.engine.EngineLoader;
import io.bioimage.modelrunner.model.java.BioimageIoModelJava;
import io.bioimage.modelrunner.model.processing.Processing;
import io.bioimage.modelrunner.numpy.DecodeNumpy;
import io.bioimage.modelrunner.tensor.Tensor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A bioimage.io package run the way deepImageJ 3 runs it, through JDLL's {@code
 * BioimageIoModelJava}: JDLL reads the rdf.yaml, picks the engine from the engines folder, and
 * applies the package's pre- and post-processing and its tiling. One thing differs: the TensorFlow
 * 2 engine runs in this JVM ({@code Tensorflow2Interface(false)}) instead of in JDLL's worker
 * process, which returns zeros in JDLL 0.6.3 (docs/tensorflow.md says why).
 */
final class Jdll implements AutoCloseable {

	/** The engine folders, laid out by the pom as JDLL's installer would. */
	static final Path ENGINES = Path.of(System.getProperty("pssr.jdll.engines",
		"target/jdll-engines"));

	private final BioimageIoModelJava model;

	private Jdll(final BioimageIoModelJava model) {
		this.model = model;
	}

	/** @param folder a package unpacked as deepImageJ unpacks it: rdf.yaml beside its files */
	static Jdll open(final Path folder) throws Exception {
		final BioimageIoModelJava model = BioimageIoModelJava.createBioimageioModel(folder.toString(),
			ENGINES.toString());
		try {
			inProcess(model.getEngineClassLoader());
			return new Jdll(model);
		}
		catch (final Exception | Error e) {
			model.close();
			throw e;
		}
	}

	/**
	 * Swaps the engine JDLL made (with the no-argument constructor, which runs TensorFlow in a
	 * worker process) for one of the same class, from the same class loader, made with {@code false}.
	 */
	private static void inProcess(final EngineLoader loader) throws ReflectiveOperationException {
		final Class<? extends DeepLearningEngineInterface> engine = loader.getEngineInstance()
			.getClass();
		final Field instance = EngineLoader.class.getDeclaredField("engineInstance");
		instance.setAccessible(true);
		instance.set(loader, engine.getConstructor(boolean.class).newInstance(false));
	}

	ModelDescriptor descriptor() throws Exception {
		return model.getBioimageioSpecs();
	}

	/** What deepImageJ gets: JDLL's processing, tiling and engine on {@code input}. */
	RandomAccessibleInterval<FloatType> run(final Tensor<FloatType> input) throws Exception {
		load();
		// JDLL replaces the tensors of the list it is given
		return model.<FloatType, FloatType> run(new ArrayList<>(List.of(input))).get(0).getData();
	}

	/** JDLL's pre-processing alone, as {@code run} applies it. */
	Tensor<FloatType> preprocess(final Tensor<FloatType> input) throws Exception {
		final List<Tensor<FloatType>> in = new ArrayList<>(List.of(input));
		return Processing.init(descriptor()).<FloatType, FloatType> preprocess(in, false).get(0);
	}

	/**
	 * JDLL's engine alone, on the whole of an already normalised input: no processing, no tiles.
	 *
	 * @param outputDims the output's size, axes as the output tensor's
	 */
	RandomAccessibleInterval<FloatType> network(final Tensor<FloatType> normalised,
		final String outputName, final String outputAxes, final long[] outputDims) throws Exception
	{
		load();
		final EngineLoader loader = model.getEngineClassLoader();
		final Tensor<FloatType> out = Tensor.buildBlankTensor(outputName, outputAxes, outputDims,
			new FloatType());
		loader.setEngineClassLoader();
		try {
			loader.getEngineInstance().run(List.of(normalised), List.of(out));
		}
		finally {
			loader.setBaseClassLoader();
		}
		return out.getData();
	}

	/**
	 * Loads the SavedModel before every run: run in this JVM, JDLL 0.6.3's engine closes its session
	 * after one run (Tensorflow2Interface.run, line 289), so a second run needs a fresh one.
	 */
	private void load() throws Exception {
		model.loadModel();
	}

	@Override
	public void close() {
		model.close();
	}

	static Tensor<FloatType> npy(final String name, final String axes, final Path file)
		throws Exception
	{
		final RandomAccessibleInterval<FloatType> data = DecodeNumpy.loadNpy(file.toString());
		return Tensor.build(name, axes, data);
	}
}
