// Super-resolves every TIFF movie in a folder with one trained PSSR model.
// Each movie.tif becomes movie_pssr.tif in the output folder (32-bit, calibration divided by the
// model's scale factor). In Fiji: Plugins > PSSR > PSSR Batch Super-Resolve, or headless:
//   ./fiji-linux-x64 --headless --run scripts/Plugins/PSSR/PSSR_Batch_Super-Resolve.ijm \
//     'modelfile="/data/model.pssr.zip",input="/data/movies",output="/data/pssr",bits="32"'
#@ File (label = "Model (.pssr.zip)", style = "open") modelfile
#@ File (label = "Folder of movies", style = "directory") input
#@ File (label = "Output folder", style = "directory") output
#@ String (label = "Output bits", choices = {"32", "16"}) bits

setBatchMode(true);
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (!endsWith(toLowerCase(name), ".tif") && !endsWith(toLowerCase(name), ".tiff"))
		continue;
	if (endsWith(name, "_pssr.tif"))
		continue;
	base = substring(name, 0, lastIndexOf(name, "."));
	target = output + File.separator + base + "_pssr.tif";
	print("PSSR: " + name + " -> " + target);
	run("Super-Resolve Movie", "inputfile=[" + input + File.separator + name + "] modelfile=[" + modelfile + "] outputfile=[" + target + "] tile=0 device=auto bits=" + bits + " frames=[] channel=1 uncertainty=0");
	close("*");
	done++;
}
print("PSSR: super-resolved " + done + " movies into " + output);
