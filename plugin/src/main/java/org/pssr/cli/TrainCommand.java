package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;

import org.pssr.train.EpochReport;
import org.pssr.train.ModelBundle;
import org.pssr.crappify.Normalisation;
import org.pssr.train.StabilityTrainer;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TrainingResult;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.UNetConfig;
import org.pssr.train.UNet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = {
	"Train the multi-frame U-Net with the stability loss on a twin dataset folder (--data) or on " +
		"twins drawn on the fly from HR movies (--movies), and write a " +
		"model bundle (*.pssr.zip). Checkpoints last.ckpt and best.ckpt go to MODEL.checkpoints/; " +
		"a killed run continues with --resume MODEL.checkpoints/last.ckpt." })
public final class TrainCommand implements Callable<Integer> {

	@Option(names = "--data", paramLabel = "DIR",
		description = "Twin dataset folder written by 'pssr crappify'.")
	Path data;

	@Option(names = "--movies", arity = "1..*", paramLabel = "FILE",
		description = "Instead of --data: HR movies or folders; twins are drawn on the fly, with " +
			"fresh tiles and noise every epoch (validation: the last frames of each movie).")
	List<Path> movies;

	/** With --movies: how the twins are drawn. */
	@Mixin
	TwinDrawOptions draw;

	@Option(names = "--output", required = true, paramLabel = "MODEL.pssr.zip",
		description = "Model bundle to write.")
	Path output;

	@Option(names = "--preset", defaultValue = "small",
		description = "small (CPU), pssr (GPU, faithful to PSSR) or fast (U-Net at LR); default: ${DEFAULT-VALUE}.")
	String preset;

	@Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--batch", defaultValue = "8", description = "Twin samples per step (default: ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--lr", defaultValue = "1e-3", description = "Peak one-cycle learning rate (default: ${DEFAULT-VALUE}).")
	double lr;

	@Option(names = "--wd", defaultValue = "1e-3", description = "Decoupled weight decay (default: ${DEFAULT-VALUE}).")
	double wd;

	@Option(names = "--stability", defaultValue = "1",
		description = "Weight w of L1(Y1,Y2); 0 trains the plain model (default: ${DEFAULT-VALUE}).")
	double stability;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--progress-every", defaultValue = "20", paramLabel = "N",
		description = "Progress line every N steps (default: ${DEFAULT-VALUE}).")
	int progressEvery;

	@Option(names = "--resume", paramLabel = "CKPT", description = "Continue from a last.ckpt.")
	Path resume;

	private final TwinDatasetOpener opener;

	public TrainCommand() {
		this(TwinDatasetOpener.FOLDER);
	}

	public TrainCommand(final TwinDatasetOpener opener) {
		this.opener = opener;
	}

	@Override
	public Integer call() throws Exception {
		if (!output.getFileName().toString().endsWith(ModelBundle.SUFFIX)) {
			throw new UserException("--output must end with " + ModelBundle.SUFFIX + ": " + output);
		}
		final TrainingOptions options = new TrainingOptions().preset(preset).epochs(epochs).batch(batch)
			.learningRate(lr).weightDecay(wd).stability(stability).seed(seed).device(device).progressEvery(
				progressEvery).checkpoints(ModelBundle.checkpointFolder(output)).resume(resume);
		try (TwinDatasetOpener.Split split = openData()) {
			return train(options, split);
		}
	}

	private TwinDatasetOpener.Split openData() throws IOException {
		if ((data == null) == (movies == null)) {
			throw new UserException("give either --data DIR (a twin dataset) or --movies FILE... " +
				"(HR movies, twins drawn on the fly)");
		}
		if (data != null) return opener.open(data);
		final TwinCrappifier crappifier = draw.crappifier(movies, seed);
		final int valid = draw.validationCount();
		if (valid < 1 || draw.samples - valid < 1) {
			throw new UserException("--samples " + draw.samples + " with --validation " + draw.validation +
				" leaves no training or no validation twins");
		}
		return new TwinDatasetOpener.Split(crappifier.source(Split.TRAIN, draw.samples - valid),
			crappifier.source(Split.VALID, valid), Normalisation.PSSR);
	}

	private int train(final TrainingOptions options, final TwinDatasetOpener.Split split)
		throws IOException
	{
		final TrainingListener log = new TrainingListener() {

			@Override
			public void step(final StepProgress p) {
				System.out.println(p);
			}

			@Override
			public void epoch(final EpochReport r) {
				System.out.println(r);
			}

			@Override
			public void message(final String text) {
				System.out.println(text);
			}
		};
		final StabilityTrainer trainer = new StabilityTrainer(options, split.train(), split.valid(), log);
		try (TrainingResult result = trainer.train()) {
			final UNet net = result.network();
			ModelBundle.save(output, net, split.normalisation(), split.train().recipe(), split.train().describe(), result.record());
			final UNetConfig c = net.config();
			System.out.println("Wrote " + output + ": " + c + ", " + net.parameterCount() + " parameters, " +
				result.record().get("stop").getAsString());
		}
		return ExitCodes.OK;
	}
}
