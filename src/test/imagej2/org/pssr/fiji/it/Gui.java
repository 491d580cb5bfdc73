package org.pssr.fiji.it;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JFormattedTextField;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.text.JTextComponent;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;

import org.scijava.Context;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleFinishedEvent;
import org.scijava.ui.UIService;

/**
 * A user at Fiji's screen, for the GUI suite: starts ImageJ with its window on the (virtual)
 * display, picks commands from the menu bar, reads and fills SciJava's dialogs through their Swing
 * fields, presses keys and buttons, waits for windows, and takes screenshots of them. Every wait
 * ends with a clear failure after {@link #PATIENCE_MS}, long enough for a slow machine: nothing is
 * asserted about how fast anything happens.
 */
public final class Gui {

	private static final long PATIENCE_MS = 300_000;

	private final Path screenshots;
	private final Robot robot;
	private final List<Done> finished = new ArrayList<>();
	/** Held here: the event service only keeps weak references to its subscribers. */
	private final Object moduleEvents = new Object() {

		@EventHandler
		void onFinished(final ModuleFinishedEvent e) {
			synchronized (finished) {
				finished.add(new Done(e.getModule(), false));
			}
		}

		@EventHandler
		void onCanceled(final ModuleCanceledEvent e) {
			synchronized (finished) {
				finished.add(new Done(e.getModule(), true));
			}
		}
	};

	/** A command that ran to its end, or was cancelled (in its dialog or while it ran). */
	public static final class Done {

		public final Module module;
		public final boolean canceled;

		Done(final Module module, final boolean canceled) {
			this.module = module;
			this.canceled = canceled;
		}

		boolean of(final Class<?> command) {
			return module.getInfo().getDelegateClassName().equals(command.getName());
		}
	}

	private Gui(final Context context, final Path screenshots) throws AWTException {
		this.screenshots = screenshots;
		this.robot = new Robot();
		context.service(EventService.class).subscribe(moduleEvents);
	}

	/** Shows Fiji's user interface (the ImageJ window) as Fiji's launcher does. */
	public static Gui start(final Context context, final Path screenshots) throws Exception {
		final Gui gui = new Gui(context, screenshots);
		Files.createDirectories(screenshots);
		context.service(UIService.class).showUI();
		gui.await("the ImageJ window", () -> IJ.getInstance() != null && IJ.getInstance().isShowing());
		return gui;
	}

	public ImageJ imageJ() {
		return IJ.getInstance();
	}

	/** File > Open, as a user opens a movie: it becomes the current image, in its own window. */
	public ImagePlus open(final Path movie) throws Exception {
		IJ.open(movie.toString());
		final String name = movie.getFileName().toString();
		return awaitValue("the window of " + name, () -> {
			final ImagePlus imp = WindowManager.getCurrentImage();
			return imp != null && imp.getWindow() != null && imp.getWindow().isShowing() && name.equals(
				imp.getTitle()) ? imp : null;
		});
	}

	/**
	 * Clicks {@code path} in ImageJ's menu bar (e.g. "Plugins", "PSSR", "Train Model"): its item's
	 * listeners get the event a click sends, on the event thread.
	 */
	public void menu(final String... path) throws Exception {
		final MenuItem item = menuItem(path);
		final ActionEvent click = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item
			.getActionCommand());
		EventQueue.invokeLater(() -> {
			for (final ActionListener l : item.getActionListeners())
				l.actionPerformed(click);
		});
	}

	/** The item at {@code path} in ImageJ's menu bar; fails naming what is there instead. */
	public static MenuItem menuItem(final String... path) {
		final MenuBar bar = Menus.getMenuBar();
		MenuItem at = null;
		for (int i = 0; i < bar.getMenuCount() && at == null; i++)
			if (bar.getMenu(i).getLabel().equals(path[0])) at = bar.getMenu(i);
		for (int depth = 1; depth < path.length; depth++) {
			if (!(at instanceof Menu)) throw new AssertionError(String.join(">", path) + ": no menu " +
				path[depth - 1]);
			final Menu menu = (Menu) at;
			at = null;
			final List<String> labels = new ArrayList<>();
			for (int i = 0; i < menu.getItemCount(); i++) {
				labels.add(menu.getItem(i).getLabel());
				if (menu.getItem(i).getLabel().equals(path[depth])) at = menu.getItem(i);
			}
			if (at == null) throw new AssertionError("no " + path[depth] + " in " + menu.getLabel() +
				": " + labels);
		}
		return at;
	}

	/** Waits for a SciJava dialog titled {@code title} (the command's name) to show. */
	public Dialog dialog(final String title) throws Exception {
		return new Dialog(awaitValue("the dialog " + title, () -> findDialog(title)));
	}

	/** A showing dialog titled {@code title}, or null. */
	public static JDialog findDialog(final String title) {
		for (final Window w : Window.getWindows())
			if (w instanceof JDialog && w.isShowing() && title.equals(((JDialog) w).getTitle()))
				return (JDialog) w;
		return null;
	}

	/** Waits for a showing window whose title starts with {@code prefix}. */
	public Frame window(final String prefix) throws Exception {
		return awaitValue("a window titled " + prefix + "...", () -> findWindow(prefix));
	}

	/** A showing window whose title starts with {@code prefix}, or null. */
	public static Frame findWindow(final String prefix) {
		for (final Window w : Window.getWindows())
			if (w instanceof Frame && w.isShowing() && ((Frame) w).getTitle().startsWith(prefix))
				return (Frame) w;
		return null;
	}

	/** Titles of the showing windows, for failure messages. */
	public static List<String> windowTitles() {
		final List<String> titles = new ArrayList<>();
		for (final Window w : Window.getWindows())
			if (w.isShowing()) titles.add(w instanceof Frame ? ((Frame) w).getTitle() : w instanceof JDialog
				? ((JDialog) w).getTitle() : w.getClass().getSimpleName());
		return titles;
	}

	/** Presses and releases {@code key} in {@code target}, as the keyboard would send it. */
	public void press(final Component target, final int key) throws Exception {
		onEdt(() -> {
			final long now = System.currentTimeMillis();
			target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, now, 0, key,
				KeyEvent.CHAR_UNDEFINED));
			target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_RELEASED, now, 0, key,
				KeyEvent.CHAR_UNDEFINED));
			return null;
		});
	}

	/**
	 * Waits until a run of {@code command} has finished or was cancelled, and forgets it: the next
	 * call waits for the next run.
	 */
	public Done awaitDone(final Class<?> command) throws Exception {
		return awaitValue(command.getSimpleName() + " to end", () -> {
			synchronized (finished) {
				for (final Done d : finished)
					if (d.of(command)) {
						finished.remove(d);
						return d;
					}
			}
			return null;
		});
	}

	/** Whether a run of {@code command} has ended and not yet been {@link #awaitDone awaited}. */
	public boolean done(final Class<?> command) {
		synchronized (finished) {
			return finished.stream().anyMatch(d -> d.of(command));
		}
	}

	/** The Log window's text. */
	public static String log() {
		final String log = IJ.getLog();
		return log == null ? "" : log;
	}

	public void await(final String what, final BooleanSupplier condition) throws Exception {
		awaitValue(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

	/** Polls {@code value} until it is not null; fails after {@link #PATIENCE_MS}. */
	public <T> T awaitValue(final String what, final Callable<T> value) throws Exception {
		final long end = System.currentTimeMillis() + PATIENCE_MS;
		while (true) {
			final T v = value.call();
			if (v != null) return v;
			if (System.currentTimeMillis() > end) throw new AssertionError("waited " + PATIENCE_MS /
				1000 + " s for " + what + "; windows: " + windowTitles() + "\nlog:\n" + log());
			Thread.sleep(50);
		}
	}

	/** Runs {@code action} on the event dispatch thread and returns its result. */
	public static <T> T onEdt(final Callable<T> action) throws Exception {
		final AtomicReference<T> result = new AtomicReference<>();
		final AtomicReference<Exception> failure = new AtomicReference<>();
		EventQueue.invokeAndWait(() -> {
			try {
				result.set(action.call());
			}
			catch (final Exception e) {
				failure.set(e);
			}
		});
		if (failure.get() != null) throw failure.get();
		return result.get();
	}

	/**
	 * Lets the windows paint: what was queued on the event thread has run and the X server has
	 * drawn it. Only for screenshots; nothing is asserted about timing.
	 */
	private static void settle() throws InterruptedException, InvocationTargetException {
		for (int i = 0; i < 3; i++) {
			EventQueue.invokeAndWait(() -> {});
			Toolkit.getDefaultToolkit().sync();
			Thread.sleep(150);
		}
	}

	/** Saves what {@code window} shows on screen as {@code NAME.png}. */
	public Path screenshot(final String name, final Window window) throws Exception {
		return screenshot(name, List.of(window));
	}

	/**
	 * Saves the windows side by side, in this order, on white: one picture of what belongs
	 * together on the screen (a plot and its preview; a movie before and after).
	 */
	public Path screenshot(final String name, final List<? extends Window> windows)
		throws Exception
	{
		final List<BufferedImage> shots = new ArrayList<>();
		for (final Window w : windows) {
			// activating ImageJ's own window would replace its status line with ImageJ's version
			if (w != IJ.getInstance()) onEdt(() -> {
				w.toFront();
				return null;
			});
			settle();
			shots.add(robot.createScreenCapture(onEdt(() -> new Rectangle(w.getLocationOnScreen(), w
				.getSize()))));
		}
		final int gap = 12;
		int width = -gap;
		int height = 0;
		for (final BufferedImage s : shots) {
			width += s.getWidth() + gap;
			height = Math.max(height, s.getHeight());
		}
		final BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = all.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		int x = 0;
		for (final BufferedImage s : shots) {
			g.drawImage(s, x, 0, null);
			x += s.getWidth() + gap;
		}
		g.dispose();
		final Path file = screenshots.resolve(name + ".png");
		if (!ImageIO.write(compact(all), "png", file.toFile())) throw new IOException("cannot write " +
			file);
		return file;
	}

	/**
	 * An 8-bit indexed copy, a third of the bytes of RGB: exact when there are at most 256 colours,
	 * else from a palette of 256 made by splitting the colours where the error is largest (a movie
	 * frame's greys and text smoothing's tints need more; the difference does not show).
	 */
	static BufferedImage compact(final BufferedImage rgb) {
		final int w = rgb.getWidth();
		final int h = rgb.getHeight();
		final int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
		final Map<Integer, Integer> counts = new HashMap<>();
		for (final int p : pixels)
			counts.merge(p & 0xffffff, 1, Integer::sum);
		final List<List<Integer>> boxes = new ArrayList<>();
		boxes.add(new ArrayList<>(counts.keySet()));
		while (boxes.size() < 256) {
			// split where the error is largest: pixels, not rare colours, get the palette's entries
			List<Integer> worst = null;
			int channel = 0;
			double error = 0;
			for (final List<Integer> box : boxes)
				for (int c = 0; c < 3; c++) {
					final int shift = 16 - 8 * c;
					double n = 0;
					double sum = 0;
					double squares = 0;
					for (final int colour : box) {
						final int count = counts.get(colour);
						final int v = colour >> shift & 0xff;
						n += count;
						sum += (double) v * count;
						squares += (double) v * v * count;
					}
					if (squares - sum * sum / n > error) {
						error = squares - sum * sum / n;
						worst = box;
						channel = shift;
					}
				}
			if (worst == null) break; // every box is one colour
			final int shift = channel;
			worst.sort(Comparator.comparingInt(v -> v >> shift & 0xff));
			long half = worst.stream().mapToLong(counts::get).sum() / 2;
			int split = 1;
			while (split < worst.size() - 1 && (half -= counts.get(worst.get(split - 1))) > 0)
				split++;
			boxes.remove(worst);
			boxes.add(new ArrayList<>(worst.subList(0, split)));
			boxes.add(new ArrayList<>(worst.subList(split, worst.size())));
		}
		final int[] palette = new int[boxes.size()];
		final Map<Integer, Byte> index = new HashMap<>();
		for (int i = 0; i < palette.length; i++) {
			long n = 0;
			final long[] sum = new long[3];
			for (final int colour : boxes.get(i)) {
				final int count = counts.get(colour);
				n += count;
				for (int c = 0; c < 3; c++)
					sum[c] += (long) (colour >> 16 - 8 * c & 0xff) * count;
				index.put(colour, (byte) i);
			}
			palette[i] = (int) (sum[0] / n) << 16 | (int) (sum[1] / n) << 8 | (int) (sum[2] / n);
		}
		final IndexColorModel model = new IndexColorModel(8, palette.length, palette, 0, false, -1,
			DataBuffer.TYPE_BYTE);
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
		final byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < pixels.length; i++)
			data[i] = index.get(pixels[i] & 0xffffff);
		return out;
	}

	/**
	 * Ends the session: fails when Fiji's console came up (it does when something printed an
	 * exception, which the user would then see), else closes every image window without asking to
	 * save, so that the JVM can quit without a dialog.
	 */
	public void end() throws Exception {
		final Frame console = findWindow("Console");
		if (console != null) throw new AssertionError("Fiji's console opened: " + onEdt(() -> {
			final StringBuilder text = new StringBuilder();
			for (final JTextComponent t : all(console, JTextComponent.class))
				text.append(t.getText());
			return text.toString();
		}));
		for (final int id : ids()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp == null) continue;
			imp.changes = false;
			onEdt(() -> {
				imp.close();
				return null;
			});
		}
	}

	private static int[] ids() {
		final int[] ids = WindowManager.getIDList();
		return ids == null ? new int[0] : ids;
	}

	/** A SciJava dialog as its Swing components show it. */
	public static final class Dialog {

		public final JDialog window;

		public Dialog(final JDialog window) {
			this.window = window;
		}

		/** The labelled fields, top to bottom. */
		public List<Field> fields() throws Exception {
			return onEdt(() -> {
				final List<Field> fields = new ArrayList<>();
				collect(window.getContentPane(), fields);
				return fields;
			});
		}

		private static void collect(final Container c, final List<Field> fields) {
			final Component[] children = c.getComponents();
			for (int i = 0; i < children.length; i++) {
				if (children[i] instanceof JLabel && i + 1 < children.length &&
					children[i + 1] instanceof JPanel)
				{
					fields.add(new Field((JLabel) children[i], (JPanel) children[i + 1]));
					i++;
				}
				else if (children[i] instanceof Container) collect((Container) children[i], fields);
			}
		}

		public Field field(final String label) throws Exception {
			final List<Field> fields = fields();
			for (final Field f : fields)
				if (f.label.equals(label)) return f;
			final List<String> labels = new ArrayList<>();
			for (final Field f : fields)
				labels.add(f.label);
			throw new AssertionError(window.getTitle() + " has no field '" + label + "'; it has " +
				labels);
		}

		/** Fills in the field labelled {@code label} as typing or picking would. */
		public Dialog set(final String label, final Object value) throws Exception {
			field(label).set(String.valueOf(value));
			return this;
		}

		/** The texts of the messages (SciJava shows them as HTML panes), as plain text. */
		public List<String> messages() throws Exception {
			return onEdt(() -> {
				final List<String> texts = new ArrayList<>();
				for (final JEditorPane pane : all(window.getContentPane(), JEditorPane.class))
					texts.add(pane.getDocument().getText(0, pane.getDocument().getLength()).trim());
				return texts;
			});
		}

		public AbstractButton button(final String text) throws Exception {
			return onEdt(() -> {
				for (final AbstractButton b : all(window.getContentPane(), AbstractButton.class))
					if (text.equals(b.getText())) return b;
				throw new AssertionError(window.getTitle() + " has no button " + text);
			});
		}

		/** Clicks a button; returns at once (a click may open another modal dialog). */
		public void click(final String text) throws Exception {
			final AbstractButton b = button(text);
			EventQueue.invokeLater(b::doClick);
		}

		public void ok() throws Exception {
			click("OK");
		}

		public void cancel() throws Exception {
			click("Cancel");
		}
	}

	/** Every component of {@code type} below {@code c}, depth first. */
	public static <T> List<T> all(final Container c, final Class<T> type) {
		final List<T> found = new ArrayList<>();
		for (final Component child : c.getComponents()) {
			if (type.isInstance(child)) found.add(type.cast(child));
			if (child instanceof Container) found.addAll(all((Container) child, type));
		}
		return found;
	}

	/** One labelled row of a dialog: its label, the label's tooltip and the widget's components. */
	public static final class Field {

		public final String label;
		/** The parameter's description, which the dialog shows as the label's tooltip. */
		public final String tooltip;
		private final JPanel widget;

		Field(final JLabel label, final JPanel widget) {
			this.label = label.getText();
			this.tooltip = label.getToolTipText();
			this.widget = widget;
		}

		/** The main component: spinner, text field, drop-down or check box. */
		public JComponent input() {
			for (final Class<? extends JComponent> type : List.of(JSpinner.class, JComboBox.class,
				JCheckBox.class, JTextComponent.class))
			{
				final List<? extends JComponent> found = all(widget, type);
				if (!found.isEmpty()) return found.get(0);
			}
			throw new AssertionError("no input in the widget of " + label);
		}

		/** What the field shows, as text. */
		public String value() throws Exception {
			return onEdt(() -> {
				final JComponent c = input();
				if (c instanceof JSpinner) return editor((JSpinner) c).getText();
				if (c instanceof JComboBox) return String.valueOf(((JComboBox<?>) c).getSelectedItem());
				if (c instanceof JCheckBox) return String.valueOf(((JCheckBox) c).isSelected());
				return ((JTextComponent) c).getText();
			});
		}

		/** The choices of a drop-down. */
		public List<String> choices() throws Exception {
			return onEdt(() -> {
				final JComboBox<?> box = (JComboBox<?>) input();
				final List<String> items = new ArrayList<>();
				for (int i = 0; i < box.getItemCount(); i++)
					items.add(String.valueOf(box.getItemAt(i)));
				return items;
			});
		}

		/** Whether the field has a Browse button (a file or folder picker). */
		public boolean browses() throws Exception {
			return onEdt(() -> all(widget, AbstractButton.class).stream().anyMatch(b -> "Browse".equals(b
				.getText())));
		}

		void set(final String value) throws Exception {
			onEdt(() -> {
				final JComponent c = input();
				widget.scrollRectToVisible(new Rectangle(widget.getSize()));
				if (c instanceof JSpinner) {
					final JFormattedTextField text = editor((JSpinner) c);
					text.setText(value);
					try {
						text.commitEdit();
					}
					catch (final ParseException e) {
						throw new AssertionError(label + " does not take " + value, e);
					}
				}
				else if (c instanceof JComboBox) {
					final JComboBox<?> box = (JComboBox<?>) c;
					final int i = index(box, v -> String.valueOf(v).equals(value));
					if (i < 0) throw new AssertionError(label + " has no choice " + value);
					box.setSelectedIndex(i);
				}
				else if (c instanceof JCheckBox) {
					if (((JCheckBox) c).isSelected() != Boolean.parseBoolean(value)) ((JCheckBox) c).doClick();
				}
				else ((JTextComponent) c).setText(value);
				return null;
			});
		}

		private static int index(final JComboBox<?> box, final Predicate<Object> match) {
			for (int i = 0; i < box.getItemCount(); i++)
				if (match.test(box.getItemAt(i))) return i;
			return -1;
		}

		private static JFormattedTextField editor(final JSpinner spinner) {
			return ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField();
		}
	}
}
