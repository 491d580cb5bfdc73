package org.pssr.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.app.OutputRule;
import org.pssr.app.SourceMovies;
import org.pssr.app.TrainJob;
import org.pssr.app.TwinDraw;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.ComputeResources;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TrainingPreemptedException;
import org.pssr.train.TwinDatasetOpener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = {
	"Train the multi-frame U-Net with the stability loss on a twin dataset folder (--data) or on " +
		"twins drawn on the fly from HR movies (--movies), and write a " +
		"model bundle (*.pssr.zip). Checkpoints last.ckpt and best.ckpt go to MODEL.checkpoints/; " +
		"a killed run continues with --resume MODEL.checkpoints/last.ckpt. On SIGTERM (SLURM's " +
		"preemption or time-limit signal) the state after the current step is saved to last.ckpt " +
		"and the exit status is " + ExitCodes.PREEMPTED + "; --resume then continues exactly." },
	defaultValueProvider = SettingDefaults.Training.class)
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

	@Option(names = "--preset", completionCandidates = NetworkNames.class,
		description = "The network: ${COMPLETION-CANDIDATES} (small: CPU; pssr: GPU, faithful to " +
			"PSSR; fast: U-Net at LR); default: ${DEFAULT-VALUE}.")
	String preset;

	/** The networks of the registry, a jar's included. */
	static final class NetworkNames implements Iterable<String> {

		@Override
		public java.util.Iterator<String> iterator() {
			return org.pssr.train.Networks.names().iterator();
		}
	}

	@Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--batch", description = "Twin samples per step (default: ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--lr", description = "Peak one-cycle learning rate (default: ${DEFAULT-VALUE}).")
	double lr;

	@Option(names = "--wd", description = "Decoupled weight decay (default: ${DEFAULT-VALUE}).")
	double wd;

	@Option(names = "--stability", description = "Weight w of L1(Y1,Y2); 0 trains the plain model (default: ${DEFAULT-VALUE}).")
	double stability;

	@Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--device", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--progress-every", paramLabel = "N",
		description = "Progress line every N steps (default: ${DEFAULT-VALUE}).")
	int progressEvery;

	@Option(names = "--resume", paramLabel = "CKPT", description = "Continue from a last.ckpt.")
	Path resume;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		final TrainJob job = new TrainJob(TrainingOptions.builder().preset(preset).epochs(epochs).batch(
			batch).learningRate(lr).weightDecay(wd).stability(stability).seed(seed).device(device)
			.progressEvery(progressEvery).resume(resume).build(), output);
		if ((data == null) == (movies == null)) {
			throw new UserException("give either --data DIR (a twin dataset) or --movies FILE... " +
				"(HR movies, twins drawn on the fly)");
		}
		overwrite.rule().check("--output", output, OutputRule.Kind.MODEL);
		final ConsoleLogger log = ConsoleLogger.stdout();
		// SIGTERM from the first line on: the set-up (sources, validation baseline) stops on it too
		try (TermSignal term = TermSignal.onTerm(job::preempt)) {
			log.log(ComputeResources.current().describe());
			try (TwinDatasetOpener.Split split = data != null ? TrainJob.dataset(data) : onTheFly()) {
				System.out.println(job.run(split, log, TrainingListener.NONE));
			}
		}
		catch (final TrainingPreemptedException e) {
			System.err.println("pssr: " + e.getMessage());
			return ExitCodes.PREEMPTED;
		}
		return ExitCodes.OK;
	}

	private TwinDatasetOpener.Split onTheFly() throws java.io.IOException {
		final TwinDraw d = draw.draw();
		d.validationCount();
		return TrainJob.movies(SourceMovies.open(SourceMovies.expand(movies), d.channel(), d.zAsTime(),
			MovieFiles.IMAGEJ), d, seed);
	}
}
