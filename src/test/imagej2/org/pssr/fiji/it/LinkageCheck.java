package org.pssr.fiji.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the JVM checks lazily, when a method first runs, checked for every class of a jar at once:
 * every method and field a class file names (owner, name, descriptor; return type included, which
 * is what a {@code NoSuchMethodError} is about) exists in the class loader it will run in.
 */
public final class LinkageCheck {

	private final ClassLoader loader;

	public LinkageCheck(final ClassLoader loader) {
		this.loader = loader;
	}

	/**
	 * @param classes which classes of the jar to check (by binary name)
	 * @param missingOwners whether a referenced class that cannot be loaded at all counts (it does for
	 *          our code; a library's optional integrations name classes nobody ships)
	 * @return one line per reference that does not link
	 */
	public List<String> check(final Path jar, final Predicate<String> classes,
		final boolean missingOwners)
		throws IOException
	{
		final List<String> problems = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			final Enumeration<JarEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				final JarEntry e = entries.nextElement();
				final String name = e.getName();
				if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.equals(
					"module-info.class")) continue;
				final String className = name.substring(0, name.length() - 6).replace('/', '.');
				if (!classes.test(className)) continue;
				try (InputStream in = file.getInputStream(e)) {
					for (final Reference r : references(in))
						r.problem(loader, missingOwners).ifPresent(p -> problems.add(className + " -> " + p));
				}
			}
		}
		return problems;
	}

	/** A field or method a class file names. */
	static final class Reference {

		final boolean field;
		final String owner;
		final String name;
		final String descriptor;

		Reference(final boolean field, final String owner, final String name, final String descriptor) {
			this.field = field;
			this.owner = owner;
			this.name = name;
			this.descriptor = descriptor;
		}

		java.util.Optional<String> problem(final ClassLoader loader, final boolean missingOwners) {
			// arrays (clone) and the signature-polymorphic invoke* of method and var handles
			if (owner.startsWith("[") || owner.equals("java/lang/invoke/MethodHandle") || owner.equals(
				"java/lang/invoke/VarHandle")) return java.util.Optional.empty();
			final Class<?> c;
			try {
				c = Class.forName(owner.replace('/', '.'), false, loader);
			}
			catch (final ClassNotFoundException | LinkageError e) {
				return missingOwners ? java.util.Optional.of("missing class " + owner) : java.util.Optional
					.empty();
			}
			return resolves(c) ? java.util.Optional.empty() : java.util.Optional.of("no " + (field
				? "field " : "method ") + owner + "." + name + descriptor);
		}

		private boolean resolves(final Class<?> start) {
			final Deque<Class<?>> todo = new ArrayDeque<>();
			final Set<Class<?>> seen = new HashSet<>();
			todo.add(start);
			while (!todo.isEmpty()) {
				final Class<?> c = todo.poll();
				if (!seen.add(c)) continue;
				if (field) {
					for (final Field f : c.getDeclaredFields())
						if (f.getName().equals(name) && descriptor(f.getType()).equals(descriptor)) return true;
				}
				else if (name.equals("<init>")) {
					for (final Constructor<?> k : c.getDeclaredConstructors())
						if (descriptor(k.getParameterTypes(), void.class).equals(descriptor)) return true;
				}
				else {
					for (final Method m : c.getDeclaredMethods())
						if (m.getName().equals(name) && descriptor(m.getParameterTypes(), m.getReturnType())
							.equals(descriptor)) return true;
				}
				if (c.getSuperclass() != null) todo.add(c.getSuperclass());
				todo.addAll(List.of(c.getInterfaces()));
			}
			// every interface inherits Object's methods
			return !field && start.isInterface() && new Reference(false, "java/lang/Object", name,
				descriptor).resolves(Object.class);
		}
	}

	static String descriptor(final Class<?>[] parameters, final Class<?> returned) {
		final StringBuilder b = new StringBuilder("(");
		for (final Class<?> p : parameters)
			b.append(descriptor(p));
		return b.append(')').append(descriptor(returned)).toString();
	}

	static String descriptor(final Class<?> type) {
		if (type.isArray()) return type.getName().replace('.', '/');
		if (!type.isPrimitive()) return "L" + type.getName().replace('.', '/') + ";";
		if (type == void.class) return "V";
		if (type == boolean.class) return "Z";
		if (type == byte.class) return "B";
		if (type == char.class) return "C";
		if (type == short.class) return "S";
		if (type == int.class) return "I";
		if (type == long.class) return "J";
		if (type == float.class) return "F";
		return "D";
	}

	/** The field and method references of a class file's constant pool. */
	static List<Reference> references(final InputStream classFile) throws IOException {
		final DataInputStream in = new DataInputStream(classFile);
		if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
		in.readUnsignedShort();
		in.readUnsignedShort();
		final int count = in.readUnsignedShort();
		final Object[] pool = new Object[count];
		final int[][] refs = new int[count][];
		final int[] tags = new int[count];
		for (int i = 1; i < count; i++) {
			final int tag = in.readUnsignedByte();
			tags[i] = tag;
			switch (tag) {
				case 1:
					pool[i] = in.readUTF();
					break;
				case 3:
				case 4:
					in.readInt();
					break;
				case 5:
				case 6:
					in.readLong();
					i++;
					break;
				case 7:
				case 8:
				case 16:
				case 19:
				case 20:
					refs[i] = new int[] { in.readUnsignedShort() };
					break;
				case 9:
				case 10:
				case 11:
				case 12:
				case 17:
				case 18:
					refs[i] = new int[] { in.readUnsignedShort(), in.readUnsignedShort() };
					break;
				case 15:
					in.readUnsignedByte();
					in.readUnsignedShort();
					break;
				default:
					throw new IOException("unknown constant pool tag " + tag);
			}
		}
		final List<Reference> references = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			if (tags[i] != 9 && tags[i] != 10 && tags[i] != 11) continue;
			final String owner = (String) pool[refs[refs[i][0]][0]];
			final int[] nameAndType = refs[refs[i][1]];
			references.add(new Reference(tags[i] == 9, owner, (String) pool[nameAndType[0]],
				(String) pool[nameAndType[1]]));
		}
		return references;
	}
}
