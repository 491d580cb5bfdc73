package org.pssr.fiji;

import org.scijava.command.DynamicCommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.widget.Button;

/**
 * A command whose dialog keeps settings behind an <i>Advanced...</i> button ({@link
 * AdvancedSettings}): the commands that write outputs, where replacing an earlier one is such a
 * setting. SciJava lists the parameters of a base class before a command's own, so this class's
 * two, which every such dialog ends with, are moved last in the module's items (the dialog, the
 * advanced dialog and the macro recorder all follow that order); the command's fields keep them.
 */
abstract class AdvancedCommand extends PssrCommand {

	/** The items that end every such dialog, in this order. */
	private static final String[] LAST = { "overwrite", "advanced" };

	@Advanced
	@Parameter(label = "Replace an earlier output", required = false, persist = false,
		description = Descriptions.OVERWRITE)
	boolean overwrite;

	@Parameter(label = "Advanced...", callback = "showAdvanced", required = false)
	private Button advanced;

	/** What the <i>Advanced...</i> button opens, once {@link AdvancedSettings} split the dialog. */
	AdvancedDialog advancedDialog;

	/** The module's items once {@link #LAST} are moved last: SciJava makes them once per command. */
	private DynamicCommandInfo arranged;

	AdvancedCommand(final String about, final String section) {
		super(about, section);
	}

	@Override
	public DynamicCommandInfo getInfo() {
		final DynamicCommandInfo info = super.getInfo();
		if (info != arranged) {
			for (final String name : LAST) {
				final ModuleItem<?> item = info.getInput(name);
				info.removeInput(item);
				info.addInput(item);
			}
			arranged = info;
		}
		return info;
	}

	@Override
	boolean allowReplacing() {
		overwrite = true;
		return true;
	}

	/** The callback of the <i>Advanced...</i> button. */
	@SuppressWarnings("unused")
	private void showAdvanced() {
		if (advancedDialog != null) advancedDialog.show();
	}
}
