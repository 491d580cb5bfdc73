package org.pssr.fiji;

import org.pssr.app.TwinDraw;
import org.pssr.train.TrainingOptions;

/**
 * The defaults of the dialogs' settings, read from the settings the jobs take, so that a default is
 * declared once: a field's initial value is its default in the dialog and in a macro that leaves it
 * out. Never changed.
 */
final class Defaults {

	/** How twins are drawn. */
	static final TwinDraw TWINS = new TwinDraw();
	/** How a model is trained. */
	static final TrainingOptions TRAINING = new TrainingOptions();

	private Defaults() {}
}
