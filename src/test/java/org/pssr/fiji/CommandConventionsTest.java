package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.Cancelable;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

/**
 * What Fiji users and macro writers rely on, for every PSSR command: it runs headless (cluster
 * nodes, {@code --headless}), a per-run input (a file, an output path, the open image) is never
 * remembered from the last dialog (a macro that leaves it out must not silently reuse it), and it
 * can be cancelled.
 */
class CommandConventionsTest {

	private static List<PluginInfo<Command>> commands() {
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder());
		index.discover();
		final List<PluginInfo<Command>> pssr = new ArrayList<>();
		for (final PluginInfo<Command> info : index.getPlugins(Command.class))
			if (info.getClassName().startsWith("org.pssr.fiji.")) pssr.add(info);
		assertTrue(pssr.size() >= 6, pssr.toString());
		return pssr;
	}

	@Test
	void everyCommandRunsHeadlessAndCanBeCancelled() throws Exception {
		for (final PluginInfo<Command> info : commands()) {
			assertTrue(info.getAnnotation().headless(), info.getClassName() + " is not headless = true");
			assertTrue(Cancelable.class.isAssignableFrom(info.loadClass()), info.getClassName() +
				" cannot be cancelled");
		}
	}

	@Test
	void perRunInputsAreNeverRememberedFromTheLastDialog() throws Exception {
		for (final PluginInfo<Command> info : commands()) {
			for (Class<?> c = info.loadClass(); c != Object.class; c = c.getSuperclass()) {
				for (final Field f : c.getDeclaredFields()) {
					final Parameter p = f.getAnnotation(Parameter.class);
					if (p == null || p.type() == ItemIO.OUTPUT) continue;
					final boolean perRun = f.getType() == File.class || f.getType() == ImagePlus.class ||
						f.getName().equals("inputs") || f.getName().equals("movies");
					if (perRun) assertFalse(p.persist(), info.getClassName() + "." + f.getName() +
						" is remembered between runs");
				}
			}
		}
	}
}
