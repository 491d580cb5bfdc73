package org.pssr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of design.md: plugin -> stability-training -> crappifier -> czi-io, never back; ImageJ
 * only in the plugin, DJL only in training and above. Inside the plugin, both front ends (cli,
 * fiji) call the jobs of the application layer (app), which knows no ImageJ and no picocli; movies
 * are opened through ImageJ by the adapters (imagej), which know no front end; the CLI never
 * reaches into the Fiji commands; the benchmark (bench) imports neither front end.
 */
class DependencyDirectionTest {

	private static final String CZI = "org.pssr.czi..";
	private static final String CRAPPIFY = "org.pssr.crappify..";
	private static final String TRAIN = "org.pssr.train..";
	private static final String FIJI = "org.pssr.fiji..";
	private static final String CLI = "org.pssr.cli..";
	private static final String BENCH = "org.pssr.bench..";
	private static final String APP = "org.pssr.app..";
	private static final String ADAPTERS = "org.pssr.imagej..";
	private static final String PICOCLI = "picocli..";
	private static final String IMAGEJ = "ij..";
	private static final String SCIJAVA = "org.scijava..";
	private static final String IMAGEJ2 = "net.imagej..";
	private static final String DJL = "ai.djl..";
	private static final String TENSORFLOW_ISOLATED = "org.pssr.train.tensorflow.isolated..";
	private static final String TENSORFLOW_LIBRARIES = "org.tensorflow..";
	private static final String DJL_TENSORFLOW = "ai.djl.tensorflow..";

	static final ArchRule CZI_IO_KNOWS_NOTHING_ABOVE_IT = noClasses().that().resideInAPackage(CZI)
		.should().dependOnClassesThat().resideInAnyPackage(CRAPPIFY, TRAIN, APP, ADAPTERS, FIJI, CLI,
			BENCH, IMAGEJ, SCIJAVA, IMAGEJ2, DJL);

	static final ArchRule CRAPPIFIER_KNOWS_NO_TRAINING_IMAGEJ_OR_DJL = noClasses().that()
		.resideInAPackage(CRAPPIFY).should().dependOnClassesThat().resideInAnyPackage(TRAIN, APP,
			ADAPTERS, FIJI, CLI, BENCH, IMAGEJ, SCIJAVA, IMAGEJ2, DJL);

	static final ArchRule TRAINING_KNOWS_NO_PLUGIN_AND_NO_IMAGEJ = noClasses().that()
		.resideInAPackage(TRAIN).should().dependOnClassesThat().resideInAnyPackage(APP, ADAPTERS, FIJI,
			CLI, BENCH, IMAGEJ, SCIJAVA, IMAGEJ2);

	static final ArchRule JOBS_KNOW_NO_IMAGEJ_NO_PICOCLI_AND_NO_FRONT_END = noClasses().that()
		.resideInAPackage(APP).should().dependOnClassesThat().resideInAnyPackage(IMAGEJ, IMAGEJ2,
			SCIJAVA, PICOCLI, ADAPTERS, FIJI, CLI, BENCH);

	static final ArchRule IMAGEJ_ADAPTERS_KNOW_NO_FRONT_END = noClasses().that().resideInAPackage(
		ADAPTERS).should().dependOnClassesThat().resideInAnyPackage(FIJI, CLI, BENCH, PICOCLI, SCIJAVA);

	static final ArchRule THE_CLI_DOES_NOT_IMPORT_FIJI = noClasses().that().resideInAPackage(CLI)
		.should().dependOnClassesThat().resideInAPackage(FIJI);

	static final ArchRule FIJI_COMMANDS_DO_NOT_NEED_THE_CLI = noClasses().that().resideInAPackage(
		FIJI).should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH, PICOCLI);

	/**
	 * The benchmark reaches the layers it measures and the application layer's jobs, never a front
	 * end: it runs the CLI only as a child process, by its class name.
	 */
	static final ArchRule BENCH_KNOWS_NO_FRONT_END = noClasses().that().resideInAPackage(BENCH)
		.should().dependOnClassesThat().resideInAnyPackage(CLI, FIJI, PICOCLI, SCIJAVA);

	/**
	 * The trainer, its hooks, checkpoints and the bundle know a network through {@code Network} and
	 * {@code Architecture} only: a network a jar adds trains and is saved without a change to them.
	 */
	static final ArchRule THE_TRAINER_NAMES_NO_CONCRETE_NETWORK = noClasses().that().haveNameMatching(
		"org\\.pssr\\.train\\.(StabilityTrainer|TrainingRun|TrainingSnapshot|TrainingResult|TrainingRecord|" +
			"Checkpoint.*|ResumeFromCheckpoint|Validation|DivergenceGuard|ProgressReports|OutOfMemoryBackoff|" +
			"ModelBundle|BundleJson|TrainingJson|DjlSuperResolutionModel)(\\$.*)?").should()
		.dependOnClassesThat().haveNameMatching("org\\.pssr\\.train\\.(UNet|UNetConfig)(\\$.*)?");

	/** TensorFlow runs in its own class loader: only the package loaded there may name its classes. */
	static final ArchRule ONLY_THE_ISOLATED_PACKAGE_USES_TENSORFLOW = noClasses().that()
		.resideOutsideOfPackage(TENSORFLOW_ISOLATED).should().dependOnClassesThat().resideInAnyPackage(
			TENSORFLOW_LIBRARIES, DJL_TENSORFLOW);

	/** ... and it is reached through TensorFlowRuntime's class loader, never linked to directly. */
	static final ArchRule NOTHING_LINKS_TO_THE_ISOLATED_PACKAGE = noClasses().that()
		.resideOutsideOfPackage(TENSORFLOW_ISOLATED).should().dependOnClassesThat().resideInAPackage(
			TENSORFLOW_ISOLATED);

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.pssr");
	}

	@Test
	void cziIoKnowsNothingAboveIt() {
		CZI_IO_KNOWS_NOTHING_ABOVE_IT.check(main);
	}

	@Test
	void crappifierKnowsNeitherTrainingNorImageJNorDjl() {
		CRAPPIFIER_KNOWS_NO_TRAINING_IMAGEJ_OR_DJL.check(main);
	}

	@Test
	void trainingKnowsNoPluginAndNoImageJ() {
		TRAINING_KNOWS_NO_PLUGIN_AND_NO_IMAGEJ.check(main);
	}

	@Test
	void tensorFlowIsOnlyUsedInsideItsOwnClassLoader() {
		ONLY_THE_ISOLATED_PACKAGE_USES_TENSORFLOW.check(main);
		NOTHING_LINKS_TO_THE_ISOLATED_PACKAGE.check(main);
	}

	@Test
	void fijiCommandsDoNotNeedTheCommandLine() {
		FIJI_COMMANDS_DO_NOT_NEED_THE_CLI.check(main);
	}

	@Test
	void theCommandLineDoesNotImportFiji() {
		THE_CLI_DOES_NOT_IMPORT_FIJI.check(main);
	}

	@Test
	void jobsKnowNoImageJNoPicocliAndNoFrontEnd() {
		JOBS_KNOW_NO_IMAGEJ_NO_PICOCLI_AND_NO_FRONT_END.check(main);
	}

	@Test
	void theTrainerNamesNoConcreteNetwork() {
		THE_TRAINER_NAMES_NO_CONCRETE_NETWORK.check(main);
	}

	@Test
	void benchKnowsNoFrontEnd() {
		BENCH_KNOWS_NO_FRONT_END.check(main);
	}

	@Test
	void imageJAdaptersKnowNoFrontEnd() {
		IMAGEJ_ADAPTERS_KNOW_NO_FRONT_END.check(main);
	}
}
