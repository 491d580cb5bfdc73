// The whole PSSR pipeline on a folder of high-resolution movies, without a display:
//   1. twin training data (two independent degradations of every sampled HR frame tuple),
//   2. a model trained with the stability loss,
//   3. every movie of the folder super-resolved with it.
// Everything goes to the work folder: twins/, model.pssr.zip, pssr/NAME_pssr.tif.
//   ./fiji-linux-x64 --headless --run scripts/Plugins/PSSR/PSSR_Pipeline_Headless.ijm \
//     'input="/data/hr_movies",work="/data/pssr_run",scale="4",epochs=10,tile=128,samples=1000'
// The movies super-resolved in step 3 are the training movies themselves: point the last loop at
// the low-resolution acquisitions you want to improve (or use PSSR_Batch_Super-Resolve.ijm).
#@ File (label = "Folder of HR movies", style = "directory") input
#@ File (label = "Work folder", style = "directory") work
#@ String (label = "Scale factor", choices = {"4", "2", "8"}) scale
#@ Integer (label = "Epochs", value = 10) epochs
#@ Integer (label = "HR tile size (px; the movies must be at least this large)", value = 128) tile
#@ Integer (label = "Twin samples", value = 1000) samples

setBatchMode(true);
twins = work + File.separator + "twins";
model = work + File.separator + "model.pssr.zip";
results = work + File.separator + "pssr";
File.makeDirectory(results);

print("PSSR 1/3: twin training data from " + input);
run("Generate Twin Training Data", "inputs=[" + input + "] channel=1 scale=" + scale + " frames=3 tile=" + tile + " samples=" + samples + " recipe=poisson recipefile=[] param=[] seed=1 validation=0.1 minsignal=0.05 threads=0 output=[" + twins + "]");

print("PSSR 2/3: training " + model);
// The draw options (scale ... minsignal) only apply when training on movies= instead of dataset=.
run("Train Model", "dataset=[" + twins + "] movies=[] modelfile=[" + model + "] preset=small epochs=" + epochs + " batch=8 lr=0.001 wd=0.001 stability=0.25 seed=42 device=auto progressevery=20 resume=[] channel=1 scale=" + scale + " frames=3 tile=" + tile + " samples=" + samples + " recipe=poisson recipefile=[] param=[] validation=0.1 minsignal=0.05");

print("PSSR 3/3: super-resolving into " + results);
files = getFileList(input);
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (!endsWith(toLowerCase(name), ".tif") && !endsWith(toLowerCase(name), ".tiff"))
		continue;
	base = substring(name, 0, lastIndexOf(name, "."));
	run("Super-Resolve Movie", "inputfile=[" + input + File.separator + name + "] modelfile=[" + model + "] outputfile=[" + results + File.separator + base + "_pssr.tif] tile=0 device=auto bits=32 frames=[] channel=1 uncertainty=0");
	close("*");
}
print("PSSR: done; model " + model + ", movies in " + results);
