// Exports a trained PSSR model for TensorFlow tools: a bioimage.io package (.zip, for deepImageJ
// and the BioImage Model Zoo) or a SavedModel folder. The export is reloaded in TensorFlow and must
// reproduce the model, or nothing is written. In Fiji: Plugins > PSSR > PSSR Export Model, or
// headless:
//   ./fiji-linux-x64 --headless --run scripts/Plugins/PSSR/PSSR_Export_Model.ijm \
//     'modelfile="/data/model.pssr.zip",output="/data/model_bioimageio.zip",format="bioimageio",author="A. Author",license="CC-BY-4.0"'
#@ File (label = "Model (.pssr.zip)", style = "open") modelfile
#@ File (label = "Output (.zip for bioimageio, new folder for savedmodel)", style = "save") output
#@ String (label = "Format", choices = {"bioimageio", "savedmodel"}) format
#@ String (label = "Author") author
#@ String (label = "Licence (SPDX)", value = "CC-BY-4.0") license

run("Export Model (TensorFlow)", "modelfile=[" + modelfile + "] output=[" + output + "] format=" + format + " author=[" + author + "] license=" + license);
print("PSSR: exported " + modelfile + " to " + output);
