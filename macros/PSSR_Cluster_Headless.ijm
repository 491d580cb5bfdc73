// One movie per call, for cluster jobs running Fiji without a display, e.g. a SLURM array job
// in which task N super-resolves the N-th movie of a list:
//   movie=$(sed -n "${SLURM_ARRAY_TASK_ID}p" movies.txt)
//   ./fiji-linux-x64 --headless -macro scripts/Plugins/PSSR/PSSR_Cluster_Headless.ijm \
//     "model=/data/model.pssr.zip input=$movie output=${movie%.tif}_pssr.tif device=gpu"
// Arguments are space-separated key=value pairs (paths without spaces); device and bits are
// optional (auto, 32). The GPU is used when Fiji's DJL sees one; the log says which device ran.

args = getArgument();
model = argument(args, "model", "");
input = argument(args, "input", "");
output = argument(args, "output", "");
device = argument(args, "device", "auto");
bits = argument(args, "bits", "32");
if (model == "" || input == "" || output == "")
	exit("usage: model=M.pssr.zip input=MOVIE.tif output=OUT.tif [device=auto|cpu|gpu] [bits=32|16]");

setBatchMode(true);
run("Super-Resolve Movie", "inputfile=[" + input + "] modelfile=[" + model + "] outputfile=[" + output + "] tile=0 device=" + device + " bits=" + bits + " channel=1");
close("*");
print("PSSR: wrote " + output);

// The value of key=... in the argument string, or the default.
function argument(args, key, default) {
	parts = split(args, " ");
	for (i = 0; i < parts.length; i++) {
		if (startsWith(parts[i], key + "="))
			return substring(parts[i], lengthOf(key) + 1);
	}
	return default;
}
