// Recent files named alike are told apart by as much of their folder as it takes.
import { recentLabels, recentMenuLabel } from './recent-files';

describe('recentLabels', () => {
  it('shows the folder, and goes up until files of the same name differ', () => {
    const labels = recentLabels([
      '/home/an/huyen/Đắk Mil/2024/ke-hoach.plandesk',
      '/home/an/huyen/Đắk Song/2024/ke-hoach.plandesk',
      '/home/an/huyen/Đắk Song/2025/ke-hoach.plandesk',
      '/home/an/tinh/tong-hop.plandesk',
    ]);
    expect(labels.map(recentMenuLabel)).toEqual([
      'ke-hoach.plandesk — …/Đắk Mil/2024',
      'ke-hoach.plandesk — …/Đắk Song/2024',
      'ke-hoach.plandesk — …/2025',
      'tong-hop.plandesk — …/tinh',
    ]);
    expect(labels[0].path).toBe('/home/an/huyen/Đắk Mil/2024/ke-hoach.plandesk');
  });
  it('eight files of one name in eight districts: eight different labels', () => {
    const districts = ['Cư Jút', 'Đắk Glong', 'Đắk Mil', 'Đắk R’Lấp', 'Đắk Song', 'Gia Nghĩa', 'Krông Nô', 'Tuy Đức'];
    const labels = recentLabels(districts.map((d) => `C:\\KeHoach\\${d}\\2024\\ke-hoach.plandesk`)).map(recentMenuLabel);
    expect(new Set(labels).size).toBe(8);
    expect(labels[3]).toBe('ke-hoach.plandesk — …\\Đắk R’Lấp\\2024');
  });
  it('shows the whole folder when it takes all of it, and a bare name as it is', () => {
    const [a, b] = recentLabels(['/a/x.plandesk', '/b/a/x.plandesk']);
    expect(a.folder).toBe('/a');
    expect(b.folder).toBe('…/b/a');
    expect(recentLabels(['x.plandesk'])[0].folder).toBe('');
    expect(recentLabels(['/x.plandesk'])[0].folder).toBe('/');
  });
});
