// Super-resolution on cluster nodes without a display: one call per movie, or per range of a
// movie's frames, then one call that joins the ranges into the movie. In a SLURM array job, task N
// does the N-th line of a task list (README, "Cluster (SLURM)"; `pssr slurm superres` writes such
// jobs). A whole movie:
//   ./fiji-linux-x64 --headless -macro scripts/Plugins/PSSR/PSSR_Cluster_Headless.ijm \
//     "model=/data/model.pssr.zip input=/data/movie.tif output=/data/out/movie_pssr.tif device=gpu"
// A long movie in ranges, one per array task (frames count from 1, both ends included); each range
// goes to /data/out/movie_pssr.parts/ with a record, and a range already done is skipped:
//   ... "model=/data/model.pssr.zip input=/data/movie.tif output=/data/out/movie_pssr.tif frames=1:250"
//   ... "model=/data/model.pssr.zip input=/data/movie.tif output=/data/out/movie_pssr.tif frames=251:500"
// and once every range is done (sbatch --dependency=afterok:ARRAY_JOB_ID), the movie:
//   ./fiji-linux-x64 --headless -macro scripts/Plugins/PSSR/PSSR_Cluster_Headless.ijm \
//     "join output=/data/out/movie_pssr.tif"
// Arguments are space-separated key=value pairs (paths without spaces); device, bits, frames and
// tile are optional (auto, 32, all, 0); "deleteparts" after join removes the parts once the movie
// is written. The ranges of a movie join only when their tiles agree: with frames larger than the
// automatic tile (chosen from the memory a node has free), give every range the same tile=N (e.g.
// 512 for a x4 model). The log says which device ran and how many CPU threads it had.

args = getArgument();
output = argument(args, "output", "");
if (startsWith(args, "join "))
	joinParts(args, output);
else
	superResolve(args, output);

// "join output=OUT.tif [deleteparts]": the movie from the parts its ranges wrote.
function joinParts(args, output) {
	if (output == "")
		exit("usage: join output=OUT.tif [deleteparts]");
	if (indexOf(" " + args + " ", " deleteparts ") >= 0)
		run("Join Super-Resolved Parts", "outputfile=[" + output + "] deleteparts=true");
	else
		run("Join Super-Resolved Parts", "outputfile=[" + output + "]");
}

// A movie, or with frames=FIRST:LAST a range of it as a part of the output.
function superResolve(args, output) {
	model = argument(args, "model", "");
	input = argument(args, "input", "");
	device = argument(args, "device", "auto");
	bits = argument(args, "bits", "32");
	frames = argument(args, "frames", "");
	tile = argument(args, "tile", "0");
	if (model == "" || input == "" || output == "")
		exit("usage: model=M.pssr.zip input=MOVIE.tif output=OUT.tif [device=auto|cpu|gpu] [bits=32|16] [frames=FIRST:LAST] [tile=N]");
	setBatchMode(true);
	run("Super-Resolve Movie", "inputfile=[" + input + "] modelfile=[" + model + "] outputfile=[" + output + "] tile=" + tile + " device=" + device + " bits=" + bits + " frames=[" + frames + "] channel=1 uncertainty=0");
	close("*");
	if (frames == "")
		print("PSSR: wrote " + output);
	else
		print("PSSR: wrote frames " + frames + " of " + output);
}

// The value of key=... in the argument string, or the default.
function argument(args, key, default) {
	parts = split(args, " ");
	for (i = 0; i < parts.length; i++) {
		if (startsWith(parts[i], key + "="))
			return substring(parts[i], lengthOf(key) + 1);
	}
	return default;
}
