package org.pssr.fiji;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.KeyboardFocusManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;

import ij.IJ;

import org.scijava.Context;
import org.scijava.InstantiableException;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.widget.InputHarvester;
import org.scijava.widget.InputPanel;

/**
 * The second dialog of a split PSSR dialog ({@link AdvancedSettings}), opened by its
 * <i>Advanced...</i> button: the advanced parameters of the same command, with SciJava's own
 * widgets, so they look, validate and are described (tooltips) as the first dialog's fields are. OK
 * keeps what was changed for the run; Cancel puts the values back.
 */
final class AdvancedDialog {

	/** Appended to the command's title: the second dialog's title. */
	static final String TITLE = ": advanced settings";

	private final Context context;
	private final Module module;
	private final List<String> names;

	AdvancedDialog(final Context context, final Module module, final List<String> names) {
		this.context = context;
		this.module = module;
		this.names = List.copyOf(names);
	}

	/** Shows the dialog until OK or Cancel; on the event thread, as a button's callback runs. */
	void show() {
		final Map<String, Object> before = new HashMap<>();
		final Map<String, Boolean> resolved = new HashMap<>();
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			final String name = item.getName();
			resolved.put(name, module.isInputResolved(name));
			// SciJava's harvester builds widgets for the inputs not yet given: only the advanced ones
			if (names.contains(name)) {
				before.put(name, module.getInput(name));
				module.unresolveInput(name);
			}
			else module.resolveInput(name);
		}
		try {
			if (!ask(panel())) names.forEach(name -> module.setInput(name, before.get(name)));
		}
		catch (final ModuleException e) {
			IJ.error("PSSR", "The advanced settings cannot be shown: " + e.getMessage());
		}
		finally {
			resolved.forEach((name, was) -> {
				if (was) module.resolveInput(name);
				else module.unresolveInput(name);
			});
		}
	}

	private boolean ask(final Component panel) {
		final Dimension size = panel.getPreferredSize();
		final int most = GraphicsEnvironment.isHeadless() ? size.height : (int) (0.7 *
			GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds().height);
		final JScrollPane scroll = new JScrollPane(panel);
		scroll.setBorder(null);
		scroll.setPreferredSize(new Dimension(size.width + 24, Math.min(size.height + 8, most)));
		final JOptionPane pane = new JOptionPane(scroll, JOptionPane.PLAIN_MESSAGE,
			JOptionPane.OK_CANCEL_OPTION);
		final JDialog dialog = pane.createDialog(KeyboardFocusManager.getCurrentKeyboardFocusManager()
			.getActiveWindow(), module.getInfo().getTitle() + TITLE);
		dialog.setResizable(true);
		dialog.setVisible(true);
		dialog.dispose();
		return Integer.valueOf(JOptionPane.OK_OPTION).equals(pane.getValue());
	}

	/** The advanced inputs' widgets, made by the Swing input harvester the first dialog came from. */
	private Component panel() throws ModuleException {
		final PluginService plugins = context.service(PluginService.class);
		for (final PluginInfo<PreprocessorPlugin> info : plugins.getPluginsOfType(
			PreprocessorPlugin.class))
		{
			try {
				if (!InputHarvester.class.isAssignableFrom(info.loadClass())) continue;
			}
			catch (final InstantiableException e) {
				continue;
			}
			final Component panel = panel((InputHarvester<?, ?>) plugins.createInstance(info));
			if (panel instanceof JComponent) return panel;
		}
		throw new ModuleException("Fiji has no Swing input harvester");
	}

	private <P, W> Component panel(final InputHarvester<P, W> harvester) throws ModuleException {
		final InputPanel<P, W> panel = harvester.createInputPanel();
		harvester.buildPanel(panel, module);
		final Object component = panel.getComponent();
		return component instanceof Component ? (Component) component : null;
	}
}
