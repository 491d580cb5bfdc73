// Exports a trained PSSR model for TensorFlow tools: a bioimage.io package (.zip, for deepImageJ
// and the BioImage Model Zoo) or a SavedModel folder. The export is reloaded in TensorFlow and must
// reproduce the model, or nothing is written. Output units "normalised" make a package deepImageJ
// runs; "input" adds scale_mean_variance, which deepImageJ's engine lacks. In Fiji:
// Plugins > PSSR > PSSR Export Model, or headless:
//   ./fiji-linux-x64 --headless --run scripts/Plugins/PSSR/PSSR_Export_Model.ijm \
//     'modelfile="/data/model.pssr.zip",output="/data/model_bioimageio.zip",format="bioimageio",author="A. Author",license="CC-BY-4.0",outputunits="normalised"'
#@ File (label = "Model (.pssr.zip)", style = "open") modelfile
#@ File (label = "Output (.zip for bioimageio, new folder for savedmodel)", style = "save") output
#@ String (label = "Format", choices = {"bioimageio", "savedmodel"}) format
#@ String (label = "Author") author
#@ String (label = "Licence (SPDX)", value = "CC-BY-4.0") license
#@ String (label = "Output units (bioimage.io)", choices = {"normalised", "input"}) outputunits

run("Export Model (TensorFlow)", "modelfile=[" + modelfile + "] output=[" + output + "] format=" + format + " author=[" + author + "] license=" + license + " outputunits=" + outputunits);
print("PSSR: exported " + modelfile + " to " + output);
