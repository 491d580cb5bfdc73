package org.pssr.fiji;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.macro.MacroConstants;
import ij.macro.Program;
import ij.macro.Tokenizer;

import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;
import org.scijava.widget.Button;

/**
 * Checks ImageJ macros against the PSSR commands found on the class path (as Fiji finds them,
 * through SciJava's plugin index): every {@code run("Name", "options")} must name a command by its
 * menu label, use only its parameter names as option keys and pass every one of them (a key left
 * out would take a default the macro's reader cannot see; booleans, where absence means false, and
 * the open image may be left out), and the macro must tokenize with balanced brackets.
 */
final class MacroCheck {

	/** Menu label -> macro option keys, for every command in org.pssr.fiji. */
	final Map<String, Set<String>> commands = new HashMap<>();
	/** Menu label -> the keys a macro must give. */
	final Map<String, Set<String>> required = new HashMap<>();

	MacroCheck() {
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder());
		index.discover();
		for (final PluginInfo<Command> info : index.getPlugins(Command.class)) {
			if (!info.getClassName().startsWith("org.pssr.fiji.")) continue;
			try {
				final String label = info.getMenuPath().getLeaf().getName();
				commands.put(label, optionKeys(info.loadClass()));
				required.put(label, requiredKeys(info.loadClass()));
			}
			catch (final Exception e) {
				throw new IllegalStateException("cannot load " + info.getClassName(), e);
			}
		}
	}

	static Set<String> optionKeys(final Class<?> command) {
		final Set<String> keys = new LinkedHashSet<>();
		for (Class<?> c = command; c != null; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p != null && p.type() != ItemIO.OUTPUT && !notAnOption(f)) keys.add(f.getName());
			}
		}
		return keys;
	}

	static Set<String> requiredKeys(final Class<?> command) {
		final Set<String> keys = new LinkedHashSet<>();
		for (Class<?> c = command; c != null; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				final Class<?> t = f.getType();
				if (p != null && p.type() != ItemIO.OUTPUT && !notAnOption(f) && t != boolean.class &&
					t != Boolean.class && !t.getName().equals("ij.ImagePlus")) keys.add(f.getName());
			}
		}
		return keys;
	}

	/**
	 * Not options: the context and services SciJava fills in itself, and what only the dialog shows
	 * (a message, a button; the recorder leaves them out).
	 */
	static boolean notAnOption(final Field f) {
		final Parameter p = f.getAnnotation(Parameter.class);
		return Context.class.isAssignableFrom(f.getType()) || Service.class.isAssignableFrom(f
			.getType()) || p != null && p.visibility() == ItemVisibility.MESSAGE || f.getType() ==
				Button.class;
	}

	/** What is wrong with {@code macro}; empty when nothing is. */
	List<String> problems(final String macro) {
		final List<String> problems = new ArrayList<>();
		final Program program = new Tokenizer().tokenize(macro);
		final int[] code = program.getCode();
		int round = 0;
		int curly = 0;
		int square = 0;
		for (int i = 0; i < code.length; i++) {
			final int type = code[i] & MacroConstants.TOK_MASK;
			if (type == MacroConstants.EOF) break;
			round += type == '(' ? 1 : type == ')' ? -1 : 0;
			curly += type == '{' ? 1 : type == '}' ? -1 : 0;
			square += type == '[' ? 1 : type == ']' ? -1 : 0;
			if (round < 0 || curly < 0 || square < 0) problems.add("unbalanced bracket near token " +
				program.decodeToken(code[i]));
			if (type == MacroConstants.PREDEFINED_FUNCTION && "run".equals(program.decodeToken(code[i])) &&
				i + 2 < code.length && (code[i + 1] & MacroConstants.TOK_MASK) == '(') checkRun(program,
					code, i + 2, problems);
		}
		if (round != 0 || curly != 0 || square != 0) problems.add("unbalanced brackets: () " + round +
			", {} " + curly + ", [] " + square);
		return problems;
	}

	private void checkRun(final Program program, final int[] code, final int start,
		final List<String> problems)
	{
		if ((code[start] & MacroConstants.TOK_MASK) != MacroConstants.STRING_CONSTANT) {
			problems.add("run(...) without a literal command name");
			return;
		}
		final String name = literal(program, code[start]);
		final Set<String> keys = commands.get(name);
		if (keys == null) {
			problems.add("run(\"" + name + "\") names no PSSR command; known: " + commands.keySet());
			return;
		}
		final StringBuilder options = new StringBuilder();
		int depth = 0;
		for (int i = start + 1; i < code.length; i++) {
			final int type = code[i] & MacroConstants.TOK_MASK;
			if (type == '(') depth++;
			if (type == ')' && depth-- == 0) break;
			if (type == MacroConstants.STRING_CONSTANT) options.append(literal(program, code[i]));
			else if (type != '+' && type != ',') options.append('X');
		}
		final String flat = options.toString().replaceAll("\\[[^\\]]*\\]", "");
		final Set<String> given = new LinkedHashSet<>();
		for (final String option : flat.trim().split("\\s+")) {
			if (option.isEmpty()) continue;
			final String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
			given.add(key);
			if (!keys.contains(key)) problems.add("run(\"" + name + "\") has no option '" + key +
				"'; it has " + keys);
		}
		for (final String key : required.get(name))
			if (!given.contains(key)) problems.add("run(\"" + name + "\") leaves out '" + key + "'");
	}

	private static String literal(final Program program, final int token) {
		return program.getSymbolTable()[token >> MacroConstants.TOK_SHIFT].str;
	}
}
