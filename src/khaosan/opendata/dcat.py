"""The catalog as DCAT-AP (JSON-LD and Turtle), paged with Hydra links (GWS 1.4).

DCAT-AP 2.1.1's mandatory properties are always there: a catalogue's title, description, publisher and
datasets; a dataset's title and description; a distribution's access URL. Pages hold PAGE_SIZE datasets and
link to the first, previous, next and last page (hydra:PartialCollectionView), as the DCAT-AP guidelines on
paging advise.
"""

from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from khaosan.catalog.html import html_to_text
from khaosan.catalog.models import Topic

PAGE_SIZE = 100
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FREQ = Namespace("http://publications.europa.eu/resource/authority/frequency/")
LANG = URIRef("http://publications.europa.eu/resource/authority/language/THA")
FREQUENCY = {
    Topic.Refresh.FISCAL_YEAR: FREQ.ANNUAL,
    Topic.Refresh.HALF_YEAR: FREQ.ANNUAL_2,
    Topic.Refresh.QUARTERLY: FREQ.QUARTERLY,
    Topic.Refresh.MONTHLY: FREQ.MONTHLY,
    Topic.Refresh.RECENT: FREQ.IRREG,
    Topic.Refresh.NONE: FREQ.NEVER,
}
CONTEXT = {"dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "hydra": str(HYDRA), "spdx": str(SPDX),
           "xsd": str(XSD)}  # fmt: skip


def catalog_graph(request, office, items, *, page, total, endpoint):
    """The DCAT graph of one page of `items` (already the page's slice) of `total` public items."""
    g = Graph()
    for prefix, namespace in CONTEXT.items():
        g.bind(prefix, namespace)
    site = request.build_absolute_uri("/")
    catalog = URIRef(request.build_absolute_uri(reverse("opendata:page")) + "#catalog")
    publisher = URIRef(site + "#office")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(office.name_th, lang="th")))
    g.add((catalog, DCTERMS.description, Literal(f"บัญชีข้อมูลที่เผยแพร่ต่อสาธารณะของ{office.name_th}", lang="th")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.language, LANG))
    g.add((catalog, FOAF.homepage, URIRef(site)))
    g.add((catalog, HYDRA.totalItems, Literal(total)))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(office.name_th, lang="th")))
    for item in items:
        g.add((catalog, DCAT.dataset, _dataset(g, request, item)))
    _paging(g, request, catalog, page=page, total=total, endpoint=endpoint)
    return g


def _dataset(g, request, item):
    dataset = URIRef(request.build_absolute_uri(item.get_absolute_url()))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.identifier, Literal(f"item-{item.pk}")))
    g.add((dataset, DCTERMS.title, Literal(item.title, lang="th")))
    description = item.summary or html_to_text(item.body) or item.title
    g.add((dataset, DCTERMS.description, Literal(description, lang="th")))
    g.add((dataset, DCTERMS.issued, Literal(item.publish_at.isoformat(), datatype=XSD.dateTime)))
    g.add((dataset, DCTERMS.modified, Literal(item.updated_at.isoformat(), datatype=XSD.dateTime)))
    g.add((dataset, DCAT.landingPage, dataset))
    g.add((dataset, DCAT.keyword, Literal(item.topic.name_th, lang="th")))
    g.add((dataset, DCAT.theme, URIRef(request.build_absolute_uri(item.topic.category.get_absolute_url()))))
    g.add((dataset, DCTERMS.accrualPeriodicity, FREQUENCY.get(item.topic.refresh, FREQ.UNKNOWN)))
    owner = item.owner_unit
    agent = URIRef(request.build_absolute_uri("/") + (f"#unit-{owner.code}" if owner else "#office"))
    g.add((dataset, DCTERMS.publisher, agent))
    g.add((agent, RDF.type, FOAF.Organization))
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, FOAF.name, Literal(owner.name_th if owner else item.office.name_th, lang="th")))
    if item.data_from or item.data_to:
        period = BNode()
        g.add((dataset, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if item.data_from:
            g.add((period, DCAT.startDate, Literal(item.data_from.isoformat(), datatype=XSD.date)))
        if item.data_to:
            g.add((period, DCAT.endDate, Literal(item.data_to.isoformat(), datatype=XSD.date)))
    for attachment in item.attachments.all():
        url = URIRef(request.build_absolute_uri(attachment.get_absolute_url()))
        distribution = URIRef(f"{url}#distribution")
        g.add((dataset, DCAT.distribution, distribution))
        g.add((distribution, RDF.type, DCAT.Distribution))
        g.add((distribution, DCAT.accessURL, url))
        g.add((distribution, DCAT.downloadURL, url))
        g.add((distribution, DCTERMS.title, Literal(attachment.original_name)))
        g.add(
            (
                distribution,
                DCAT.mediaType,
                URIRef(f"https://www.iana.org/assignments/media-types/{attachment.blob.mime_type}"),
            )
        )
        g.add((distribution, DCAT.byteSize, Literal(attachment.blob.size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode()
        g.add((distribution, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(attachment.blob.sha256, datatype=XSD.hexBinary)))
    return dataset


def _paging(g, request, catalog, *, page, total, endpoint):
    last = max(1, -(-total // PAGE_SIZE))
    base = request.build_absolute_uri(endpoint)

    def at(number):
        return URIRef(f"{base}?page={number}")

    view = at(page)
    g.add((view, RDF.type, HYDRA.PartialCollectionView))
    g.add((catalog, HYDRA.view, view))
    g.add((view, HYDRA.first, at(1)))
    g.add((view, HYDRA.last, at(last)))
    if page > 1:
        g.add((view, HYDRA.previous, at(page - 1)))
    if page < last:
        g.add((view, HYDRA.next, at(page + 1)))
