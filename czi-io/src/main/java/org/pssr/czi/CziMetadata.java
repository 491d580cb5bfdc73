package org.pssr.czi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The facts of a CZI's XML metadata and TimeStamps attachment that a reader needs: pixel size,
 * Z step, channel names and the time between frames. Unknown values are NaN.
 */
public final class CziMetadata {

	static final CziMetadata NONE = new CziMetadata(Double.NaN, Double.NaN, Double.NaN,
		Collections.emptyList(), Double.NaN, new double[0]);

	private static final int XML_OFFSET = 256;
	private static final int MAX_XML = 256 << 20;

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
		final Element root = parse(xml.array(), in, segment.payload() + XML_OFFSET).getDocumentElement();
		final Element metadata = child(root, "Metadata");
		final Element scaling = child(child(metadata, "Scaling"), "Items");
		final Element image = child(child(metadata, "Information"), "Image");
		final Element dimensions = child(image, "Dimensions");
		final double increment = increment(child(dimensions, "T"));
		return new CziMetadata(distance(scaling, "X"), distance(scaling, "Y"), distance(scaling, "Z"),
			channelNames(child(dimensions, "Channels")), Double.isNaN(increment) ? span(stamps) : increment,
			stamps);
	}

	private static Document parse(final byte[] xml, final CziInput in, final long position)
		throws CziFormatException
	{
		try {
			final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			final DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new ErrorHandler() {

				@Override
				public void warning(final SAXParseException e) {}

				@Override
				public void error(final SAXParseException e) throws SAXException {
					throw e;
				}

				@Override
				public void fatalError(final SAXParseException e) throws SAXException {
					throw e;
				}
			});
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (final SAXException | IOException | ParserConfigurationException e) {
			throw new CziFormatException(in.name() + ": metadata XML at offset " + position +
				" is not well-formed: " + e.getMessage(), e);
		}
	}

	/** Metres per pixel in the XML, µm here; 0 or missing means uncalibrated. */
	private static double distance(final Element items, final String id) {
		if (items == null) return Double.NaN;
		for (Node n = items.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element && ((Element) n).getTagName().equals("Distance") &&
				id.equals(((Element) n).getAttribute("Id")))
			{
				final double metres = number(child((Element) n, "Value"));
				return metres > 0 ? metres * 1e6 : Double.NaN;
			}
		}
		return Double.NaN;
	}

	private static List<String> channelNames(final Element channels) {
		final List<String> names = new ArrayList<>();
		if (channels == null) return names;
		for (Node n = channels.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element) || !((Element) n).getTagName().equals("Channel")) continue;
			final Element channel = (Element) n;
			final String name = channel.getAttribute("Name");
			names.add(name.isEmpty() ? channel.getAttribute("Id") : name);
		}
		return names;
	}

	private static double increment(final Element t) {
		final Element positions = child(t, "Positions");
		final double interval = number(child(child(positions, "Interval"), "Increment"));
		if (interval > 0) return interval;
		final Element offsets = child(child(positions, "List"), "Offsets");
		if (offsets == null) return Double.NaN;
		final String[] parts = offsets.getTextContent().trim().split("\\s+");
		final double[] values = new double[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				values[i] = Double.parseDouble(parts[i]);
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
		return span(values);
	}

	/** Mean gap between the first and the last value; NaN for fewer than two or no progress. */
	private static double span(final double[] values) {
		if (values.length < 2) return Double.NaN;
		final double gap = (values[values.length - 1] - values[0]) / (values.length - 1);
		return gap > 0 && Double.isFinite(gap) ? gap : Double.NaN;
	}

	private static double number(final Element e) {
		if (e == null) return Double.NaN;
		try {
			return Double.parseDouble(e.getTextContent().trim());
		}
		catch (final NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static Element child(final Element parent, final String name) {
		if (parent == null) return null;
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && ((Element) n).getTagName().equals(name)) return (Element) n;
		return null;
	}
}
