package org.pssr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import ij.ImagePlus;

import org.pssr.imagej.CziConversion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true,
	description = { "Convert one scene of a Zeiss CZI file to an ImageJ hyperstack TIFF (channels, " +
		"Z, time in ImageJ's order; native bit depth; calibration in µm and s). Files the built-in " +
		"reader cannot decode (JPEG XR, JPEG, camera raw) are refused before anything is written." })
public final class ConvertCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE.czi", description = "CZI file to read.")
	Path input;

	@Parameters(index = "1", paramLabel = "OUT.tif", description = "TIFF file to write.")
	Path output;

	@Option(names = "--scene", defaultValue = "0",
		description = "Scene to convert, 0 for the first (default: ${DEFAULT-VALUE}).")
	int scene;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		final CziConversion.Result result = CziConversion.convert(input, output, scene, overwrite
			.rule());
		final ImagePlus imp = result.image;
		System.out.println("Wrote " + output + ": " + imp.getWidth() + " x " + imp.getHeight() +
			" px, C=" + imp.getNChannels() + " Z=" + imp.getNSlices() + " T=" + imp.getNFrames() + ", " +
			imp.getBitDepth() + "-bit");
		if (!result.otherLetters.isEmpty())
			System.out.println("warning: the scene also has " + result.otherLetters +
				"; only index 0 of these was written");
		if (result.missingPlanes > 0)
			System.out.println("warning: " + result.missingPlanes +
				" plane(s) are missing from the file (sparse acquisition) and were written as zeros");
		return ExitCodes.OK;
	}
}
