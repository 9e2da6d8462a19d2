# Writes the hostile workbooks of the corpus (cases.json); run from this folder: python3 make-hostile-workbooks.py
import zipfile, struct, io, os
CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
WB = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="reports" sheetId="1" r:id="rId1"/></sheets></workbook>'''
WBRELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
def sheet(rows_xml, prolog=''):
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows_xml + '</sheetData></worksheet>'
def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)
HEADER = '<row r="1">' + ''.join(inline(c + '1', n) for c, n in zip('ABCD', ['dataCenterCode', 'period', 'facilityKwh', 'itKwh'])) + '</row>'
ROW = '<row r="2">' + inline('A2', '{dc}') + inline('B2', '2024-01') + '<c r="C2"><v>1500</v></c><c r="D2"><v>1000</v></c></row>'
SST_EMPTY = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>'

def workbook(name, sheet_xml, sst=SST_EMPTY, stream_sheet=None):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
        if stream_sheet:
            with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
                stream_sheet(f)
        else:
            z.writestr('xl/worksheets/sheet1.xml', sheet_xml)
        if callable(sst):
            with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:
                sst(f)
        else:
            z.writestr('xl/sharedStrings.xml', sst)

# a valid workbook, then cut short: the ZIP's central directory is missing
workbook('/tmp/valid.xlsx', sheet(HEADER + ROW))
data = open('/tmp/valid.xlsx', 'rb').read()
open('truncated.xlsx', 'wb').write(data[:len(data) // 2])

# a sheet that is not XML
workbook('sheet-not-xml.xlsx', 'this is not <xml at all')

# an entity-expansion ("billion laughs") sheet: DTDs are refused
lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
workbook('entity-expansion.xlsx', sheet(HEADER + '<row r="2">' + inline('A2', '&lol3;') + '</row>', lol))

# zip bombs: shared strings expanding to 80 MB, a sheet expanding to 240 MB (each a few hundred KB on disk)
def zeros(total):
    def write(f):
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
        chunk = b'0' * (1024 * 1024)
        for _ in range(total):
            f.write(chunk)
        f.write(b'</t></si></sst>')
    return write
workbook('zip-bomb-shared-strings.xlsx', sheet(HEADER), sst=zeros(80))
def big_sheet(f):
    f.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode())
    chunk = b'A' * (1024 * 1024)
    for _ in range(240):
        f.write(chunk)
    f.write(b'</t></is></c></row></sheetData></worksheet>')
workbook('zip-bomb-sheet.xlsx', None, stream_sheet=big_sheet)

# a password-protected workbook: an OLE2 compound file holding EncryptionInfo and EncryptedPackage
# (ECMA-376 agile encryption), as Excel saves it; written here as a minimal CFB version 3 container
def cfb(streams):
    SECTOR = 512
    ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    body, fat, starts = b'', [], []
    # sector 0: FAT, sector 1: directory, then the streams (each >= 4096 bytes: no mini stream)
    next_sector = 2
    for name, content in streams:
        content = content + b'\0' * (-len(content) % SECTOR)
        n = len(content) // SECTOR
        starts.append(next_sector)
        body += content
        next_sector += n
    fat = [FATSECT, ENDOFCHAIN]
    for (name, content), start in zip(streams, starts):
        n = (len(content) + SECTOR - 1) // SECTOR
        fat += [start + i + 1 for i in range(n - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (SECTOR // 4 - len(fat))
    def entry(name, kind, start, size, child=0xFFFFFFFF, left=0xFFFFFFFF, right=0xFFFFFFFF):
        n = (name + '\0').encode('utf-16-le')
        return (n + b'\0' * (64 - len(n)) + struct.pack('<HBB', len(n), kind, 1) + struct.pack('<III', left, right, child)
                + b'\0' * 16 + b'\0' * 4 + b'\0' * 16 + struct.pack('<IQ', start, size) + b'\0' * 0)[:128].ljust(128, b'\0')
    d = entry('Root Entry', 5, ENDOFCHAIN, 0, child=1)
    d += entry(streams[0][0], 2, starts[0], len(streams[0][1]), right=2)
    d += entry(streams[1][0], 2, starts[1], len(streams[1][1]))
    d += b'\0' * (SECTOR - len(d))
    header = (bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
              + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0))
    header += struct.pack('<I', 0) + struct.pack('<I', FREESECT) * 108
    assert len(header) == 512, len(header)
    return header + struct.pack('<%dI' % (SECTOR // 4), *fat) + d + body
info = struct.pack('<HHI', 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
info = info.ljust(4096, b' ')
package = struct.pack('<Q', 8192) + os.urandom(8192)
open('password-protected.xlsx', 'wb').write(cfb([('EncryptionInfo', info), ('EncryptedPackage', package)]))
