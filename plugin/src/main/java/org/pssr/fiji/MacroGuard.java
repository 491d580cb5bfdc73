package org.pssr.fiji;

import org.scijava.event.EventHandler;
import org.scijava.module.Module;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * Stops the running macro when Fiji fails a PSSR command outside the command's own error handling.
 * ImageJ's legacy layer only logs such an error and lets the macro go on, so a cluster task would
 * print "wrote" and exit 0 with nothing written. Seen for real: SciJava's module runner, whose
 * annotated-field cache is not thread safe (scijava-common#148, #347), now and then throws
 * "Context already injected" while preprocessing, before the command's first line.
 */
@Plugin(type = Service.class)
public final class MacroGuard extends AbstractService {

	@EventHandler
	void onError(final ModuleErroredEvent event) {
		final Module module = event.getModule();
		if (module == null || !Commands.isPssr(module.getInfo().getDelegateClassName())) return;
		final Throwable e = event.getException();
		Commands.stopMacro("PSSR: Fiji failed to run " + module.getInfo().getTitle() + " (" + (e ==
			null ? "no reason given" : e) + "; its stack trace is in the log); run it again");
	}
}
