// The document around a table: issuing body, annex number, program, signature block and place, as
// offices lay them out (capitals, columns, blank rows for the signature) — and nothing invented.
import { headingCase, readFooterDetails, readTitleDetails, type PlacedText } from './document-texts';

const at = (row: number, col: number, text: string): PlacedText => ({ row, col, text });

describe('the title', () => {
  it('reads the issuing body beside the national motto, the annex number and the program', () => {
    const d = readTitleDetails([
      at(0, 0, 'ỦY BAN NHÂN DÂN'), at(0, 5, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      at(1, 0, 'TỈNH ĐẮK NÔNG'), at(1, 5, 'Độc lập - Tự do - Hạnh phúc'),
      at(3, 0, 'Phụ lục II'),
      at(4, 0, 'KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024'),
    ]);
    expect(d).toEqual({ issuer: 'Ủy ban nhân dân tỉnh Đắk Nông', annexNumber: 'II', program: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững' });
  });

  it('keeps a title typed in mixed case as written, and says nothing it cannot see', () => {
    expect(readTitleDetails([at(2, 1, 'Chương trình MTQG xây dựng nông thôn mới giai đoạn 2026-2030')])).toEqual({ program: 'Chương trình MTQG xây dựng nông thôn mới' });
    expect(readTitleDetails([at(0, 0, 'BẢNG TỔNG HỢP KINH PHÍ')])).toEqual({});
    expect(readTitleDetails([at(3, 0, 'KẾ HOẠCH VỐN CHƯƠNG TRÌNH MTQG PHÁT TRIỂN KINH TẾ - XÃ HỘI VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ NĂM 2025')])).toEqual({
      program: 'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số',
    });
    expect(readTitleDetails([at(3, 0, 'Chương trình MTQG xây dựng nông thôn mới Năm 2025')])).toEqual({ program: 'Chương trình MTQG xây dựng nông thôn mới' });
  });

  it('undoes capitals the way the documents write names', () => {
    expect(headingCase('SỞ TÀI CHÍNH')).toBe('Sở Tài chính');
    expect(headingCase('ỦY BAN NHÂN DÂN XÃ QUẢNG SƠN')).toBe('Ủy ban nhân dân xã Quảng Sơn');
    expect(headingCase('UBND THÀNH PHỐ GIA NGHĨA')).toBe('UBND thành phố Gia Nghĩa');
    expect(headingCase('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(headingCase('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN')).toBe('Sở Nông nghiệp và Phát triển nông thôn');
  });
});

describe('the footer', () => {
  it('reads "Nơi nhận", the authority lines, the signer and the preparer', () => {
    const d = readFooterDetails([
      at(30, 0, 'Nơi nhận:'), at(30, 7, 'TM. ỦY BAN NHÂN DÂN'),
      at(31, 0, '- Bộ Lao động - TB&XH;'), at(31, 7, 'KT. CHỦ TỊCH'),
      at(32, 0, '- Lưu: VT, KGVX.'), at(32, 7, 'PHÓ CHỦ TỊCH'),
      at(33, 2, 'Người lập biểu'), at(33, 7, '(Ký, ghi rõ họ tên, đóng dấu)'),
      at(37, 2, 'Nguyễn Văn An'), at(37, 8, 'Tôn Thị Ngọc Hạnh'),
    ]);
    expect(d.signature).toEqual({
      recipients: '- Bộ Lao động - TB&XH;\n- Lưu: VT, KGVX.',
      onBehalf: 'TM. ỦY BAN NHÂN DÂN',
      authority: 'KT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      signer: 'Tôn Thị Ngọc Hạnh',
      preparedBy: 'Nguyễn Văn An',
    });
  });

  it('reads a plain title block and the place of the date line', () => {
    const d = readFooterDetails([at(20, 6, 'Gia Nghĩa, ngày 15 tháng 3 năm 2027'), at(21, 6, 'GIÁM ĐỐC'), at(25, 6, 'Lê Văn B')]);
    expect(d).toEqual({ place: 'Gia Nghĩa', signature: { title: 'GIÁM ĐỐC', signer: 'Lê Văn B' } });
  });
});
