package org.pssr.train.tensorflow.isolated;

import java.util.concurrent.Callable;

/**
 * Runs code with this package's class loader as the thread's context loader: DJL finds engines,
 * model zoos and native markers through the context loader, and must find the isolated ones.
 */
final class OwnLoader {

	private OwnLoader() {}

	static <T> T call(final Callable<T> action) throws Exception {
		final Thread thread = Thread.currentThread();
		final ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(OwnLoader.class.getClassLoader());
		try {
			return action.call();
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}
}
