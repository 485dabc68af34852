"""The QR code view returns a well-formed SVG image of the public link."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def test_the_qr_code_is_an_svg_document(client, coder, staff_collection):
    client.force_login(coder)
    response = client.get(f"/collections/{staff_collection.pk}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert int(root.get("width")) > 100
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert f"/s/{staff_collection.token}/" in title.text
    assert root.find("{http://www.w3.org/2000/svg}path") is not None
