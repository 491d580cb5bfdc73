package org.pssr.czi;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The facts of a CZI's XML metadata and TimeStamps attachment that a reader needs: pixel size,
 * Z step, channel names and the time between frames. Unknown values are NaN.
 */
public final class CziMetadata {

	static final CziMetadata NONE = new CziMetadata(Double.NaN, Double.NaN, Double.NaN,
		Collections.emptyList(), Double.NaN, new double[0]);

	private static final int XML_OFFSET = 256;
	private static final int MAX_XML = 256 << 20;
	private static final String DIMENSIONS = "Metadata/Information/Image/Dimensions";

	private final double pixelWidth;
	private final double pixelHeight;
	private final double zStep;
	private final List<String> channelNames;
	private final double timeIncrement;
	private final double[] timeStamps;

	private CziMetadata(final double pixelWidth, final double pixelHeight, final double zStep,
		final List<String> channelNames, final double timeIncrement, final double[] timeStamps)
	{
		this.pixelWidth = pixelWidth;
		this.pixelHeight = pixelHeight;
		this.zStep = zStep;
		this.channelNames = Collections.unmodifiableList(channelNames);
		this.timeIncrement = timeIncrement;
		this.timeStamps = timeStamps;
	}

	/** µm per pixel along X; NaN when uncalibrated. */
	public double pixelWidth() {
		return pixelWidth;
	}

	public double pixelHeight() {
		return pixelHeight;
	}

	/** µm between Z planes; NaN when unknown. */
	public double zStep() {
		return zStep;
	}

	/** Channel names in channel order as the XML lists them; may be shorter than SizeC. */
	public List<String> channelNames() {
		return channelNames;
	}

	/**
	 * Seconds between time points: the XML's interval, else the span of its offsets or of the
	 * TimeStamps attachment divided by the gaps; NaN when unknown.
	 */
	public double timeIncrement() {
		return timeIncrement;
	}

	/** Seconds of each time point from the TimeStamps attachment; empty when there is none. */
	public double[] timeStamps() {
		return timeStamps.clone();
	}

	static CziMetadata read(final CziInput in, final long xmlPosition, final long attachmentDirectory)
		throws IOException
	{
		final double[] stamps = attachmentDirectory > 0 ? TimeStampsAttachment.read(in,
			attachmentDirectory) : new double[0];
		if (xmlPosition <= 0) return new CziMetadata(Double.NaN, Double.NaN, Double.NaN,
			Collections.emptyList(), span(stamps), stamps);
		final CziInput.Segment segment = in.segment(xmlPosition, "ZISRAWMETADATA", "metadata");
		if (segment.size < XML_OFFSET)
			throw in.error("metadata at offset " + xmlPosition + " is only " + segment.size + " bytes long");
		final int xmlSize = in.read(segment.payload(), 4, "metadata header").getInt();
		if (xmlSize < 0 || xmlSize > segment.size - XML_OFFSET || xmlSize > MAX_XML)
			throw in.error("metadata at offset " + xmlPosition + " claims " + xmlSize +
				" bytes of XML in a segment of " + segment.size + " bytes");
		final ByteBuffer xml = in.read(segment.payload() + XML_OFFSET, xmlSize, "metadata XML");
		final String where = in.name() + ": metadata XML at offset " + (segment.payload() + XML_OFFSET);
		try {
			return parse(utf8(xml), stamps);
		}
		catch (final CharacterCodingException e) {
			throw new CziFormatException(where + " is not well-formed: not UTF-8 text", e);
		}
		catch (final XMLStreamException e) {
			throw new CziFormatException(where + " is not well-formed: " + e.getMessage(), e);
		}
	}

	/**
	 * Streams through the XML and stops once the scaling and the image information are read: what
	 * follows them (experiment, hardware and display settings) is most of a real file's XML and
	 * none of it is needed.
	 */
	private static CziMetadata parse(final String xml, final double[] stamps)
		throws XMLStreamException
	{
		final XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		final XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
		final Map<String, Double> distances = new HashMap<>();
		final List<String> channels = new ArrayList<>();
		double interval = Double.NaN;
		double[] offsets = new double[0];
		boolean scaling = false;
		boolean information = false;
		boolean channelsRead = false;
		String distance = null;
		// the path below the root element, e.g. "Metadata/Scaling/Items"
		final StringBuilder path = new StringBuilder();
		final Deque<Integer> lengths = new ArrayDeque<>();
		boolean inRoot = false;
		try {
			while (r.hasNext() && !(scaling && information)) {
				final int event = r.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					if (lengths.isEmpty()) break;
					final String closed = path.toString();
					if (closed.equals("Metadata/Scaling")) scaling = true;
					else if (closed.equals("Metadata/Information")) information = true;
					else if (closed.equals(DIMENSIONS + "/Channels")) channelsRead = true;
					path.setLength(lengths.pop());
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) continue;
				if (!inRoot) {
					inRoot = true;
					continue;
				}
				lengths.push(path.length());
				if (path.length() > 0) path.append('/');
				path.append(r.getLocalName());
				final String at = path.toString();
				if (at.equals("Metadata/Scaling/Items/Distance")) distance = r.getAttributeValue(null, "Id");
				else if (at.equals("Metadata/Scaling/Items/Distance/Value")) {
					distances.putIfAbsent(distance, number(text(r, path, lengths)));
				}
				else if (at.equals(DIMENSIONS + "/Channels/Channel") && !channelsRead) {
					final String name = r.getAttributeValue(null, "Name");
					channels.add(name == null || name.isEmpty() ? Objects.toString(r.getAttributeValue(null,
						"Id"), "") : name);
				}
				else if (at.equals(DIMENSIONS + "/T/Positions/Interval/Increment")) {
					interval = number(text(r, path, lengths));
				}
				else if (at.equals(DIMENSIONS + "/T/Positions/List/Offsets")) {
					offsets = numbers(text(r, path, lengths));
				}
			}
		}
		finally {
			r.close();
		}
		final double increment = interval > 0 ? interval : span(offsets);
		return new CziMetadata(micrometres(distances.get("X")), micrometres(distances.get("Y")),
			micrometres(distances.get("Z")), channels, Double.isNaN(increment) ? span(stamps) : increment,
			stamps);
	}

	/**
	 * The XML as text; CZI metadata is UTF-8. Decoded here, strictly, because the JDK's XML parser
	 * prints broken byte sequences of a damaged file to stderr besides throwing.
	 */
	private static String utf8(final ByteBuffer xml) throws CharacterCodingException {
		final String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(
			CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(xml)
			.toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** The text of the element {@code r} is at, leaving {@code r} past its end and the path above it. */
	private static String text(final XMLStreamReader r, final StringBuilder path,
		final Deque<Integer> lengths) throws XMLStreamException
	{
		final String text = r.getElementText();
		path.setLength(lengths.pop());
		return text;
	}

	/** Metres per pixel in the XML, µm here; 0 or missing means uncalibrated. */
	private static double micrometres(final Double metres) {
		return metres != null && metres > 0 ? metres * 1e6 : Double.NaN;
	}

	private static double[] numbers(final String text) {
		final String[] parts = text.trim().split("\\s+");
		final double[] values = new double[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				values[i] = Double.parseDouble(parts[i]);
		}
		catch (final NumberFormatException e) {
			return new double[0];
		}
		return values;
	}

	/** Mean gap between the first and the last value; NaN for fewer than two or no progress. */
	private static double span(final double[] values) {
		if (values.length < 2) return Double.NaN;
		final double gap = (values[values.length - 1] - values[0]) / (values.length - 1);
		return gap > 0 && Double.isFinite(gap) ? gap : Double.NaN;
	}

	private static double number(final String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException ex) {
			return Double.NaN;
		}
	}
}
